package io.promptdesk.remote;

import io.promptdesk.model.BadInputException;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Builds the one pooled OkHttp client of an endpoint: its timeouts and its TLS trust. */
public final class HttpClients {
    private static final Logger LOG = LoggerFactory.getLogger(HttpClients.class);

    private HttpClients() {
    }

    /**
     * OkHttp's own connection retry is off: {@link RemoteHttp} retries, within the caller's deadline, and only
     * what is safe to repeat.
     *
     * @throws BadInputException when the CA file cannot be read or holds no certificate
     */
    public static OkHttpClient build(RemoteEndpoint endpoint) {
        OkHttpClient.Builder b = new OkHttpClient.Builder()
                .connectTimeout(endpoint.connectTimeout())
                .readTimeout(endpoint.readTimeout())
                .writeTimeout(endpoint.readTimeout())
                .connectionPool(new ConnectionPool(5, 5, TimeUnit.MINUTES))
                .retryOnConnectionFailure(false)
                .followRedirects(false);
        TlsOptions tls = endpoint.tls();
        if (tls.insecure()) {
            LOG.warn("TLS certificate verification is OFF for {} (insecure: true in the connection settings): "
                    + "anyone on the path can read and change its answers", endpoint.describe());
            X509TrustManager trustAll = new TrustEverything();
            b.sslSocketFactory(context(trustAll).getSocketFactory(), trustAll).hostnameVerifier((host, s) -> true);
        } else if (tls.caFile() != null) {
            X509TrustManager tm = trustManager(tls);
            b.sslSocketFactory(context(tm).getSocketFactory(), tm);
        }
        return b.build();
    }

    /** Frees the client's pooled connections and threads. */
    public static void close(OkHttpClient client) {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    /** The system's CAs plus those of the file: a private CA does not stop public ones from working. */
    private static X509TrustManager trustManager(TlsOptions tls) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (X509Certificate system : systemTrustManager().getAcceptedIssuers()) {
                store.setCertificateEntry("system-" + i++, system);
            }
            Collection<? extends Certificate> custom;
            try (InputStream in = Files.newInputStream(tls.caFile())) {
                custom = CertificateFactory.getInstance("X.509").generateCertificates(in);
            }
            if (custom.isEmpty()) {
                throw new BadInputException("the CA file " + tls.caFile() + " holds no PEM certificate");
            }
            for (Certificate c : custom) {
                store.setCertificateEntry("custom-" + i++, c);
            }
            TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            f.init(store);
            return x509(f.getTrustManagers());
        } catch (IOException e) {
            throw new BadInputException("cannot read the CA file " + tls.caFile() + ": " + e.getMessage(), e);
        } catch (CertificateException e) {
            throw new BadInputException("the CA file " + tls.caFile() + " is not PEM certificates: "
                    + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JVM cannot set up TLS trust: " + e.getMessage(), e);
        }
    }

    private static X509TrustManager systemTrustManager() throws GeneralSecurityException {
        TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        f.init((KeyStore) null);
        return x509(f.getTrustManagers());
    }

    private static X509TrustManager x509(TrustManager[] managers) {
        List<TrustManager> list = new ArrayList<>(Arrays.asList(managers));
        return list.stream().filter(X509TrustManager.class::isInstance).map(X509TrustManager.class::cast)
                .findFirst().orElseThrow(() -> new IllegalStateException("no X.509 trust manager in this JVM"));
    }

    private static SSLContext context(X509TrustManager tm) {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[]{tm}, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JVM cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /** Only for an explicit, logged {@code insecure: true}. */
    private static final class TrustEverything implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // Accepts every client: this manager exists only to switch verification off on request.
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // Accepts every server: verification was switched off explicitly, and that was logged.
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
