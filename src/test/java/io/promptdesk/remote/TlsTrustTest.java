package io.promptdesk.remote;

import io.promptdesk.metrics.prometheus.PrometheusClient;
import io.promptdesk.metrics.prometheus.PrometheusQueryException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An https engine with a private CA: refused by default, trusted with its CA file, or unverified on request. */
class TlsTrustTest {
    private static final String OK = "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1,\"1\"]}}";
    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    Path dir;
    private final MockWebServer server = new MockWebServer();
    private Path caFile;

    @BeforeEach
    void start() throws Exception {
        Path keystore = dir.resolve("server.p12");
        caFile = dir.resolve("ca.pem");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        keytool(keytool, "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2",
                "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", "changeit",
                "-keypass", "changeit");
        keytool(keytool, "-exportcert", "-rfc", "-alias", "server", "-keystore", keystore.toString(),
                "-storepass", "changeit", "-file", caFile.toString());
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, PASSWORD);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, PASSWORD);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        server.useHttps(ctx.getSocketFactory());
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    private static void keytool(String... command) throws Exception {
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private double query(TlsOptions tls) {
        RemoteEndpoint e = RemoteEndpoint.of("Prometheus", server.url("/").toString()).withTls(tls)
                .withRetry(RetryPolicy.NONE);
        try (PrometheusClient c = new PrometheusClient(e, d -> { })) {
            return c.query("vector(1)", Instant.now(), Duration.ofSeconds(5)).singleValue("");
        }
    }

    @Test
    void anUnknownCaIsRefusedWithAHint() {
        server.enqueue(new MockResponse.Builder().body(OK).build());
        assertThatThrownBy(() -> query(TlsOptions.SYSTEM)).isInstanceOf(PrometheusQueryException.class)
                .hasMessageContaining("failed the TLS handshake").hasMessageContaining("give its CA with ca_file");
    }

    @Test
    void theCaFileIsTrusted() {
        server.enqueue(new MockResponse.Builder().body(OK).build());
        assertThat(query(new TlsOptions(caFile, false))).isEqualTo(1);
    }

    @Test
    void verificationIsOffOnlyWhenAskedFor() {
        server.enqueue(new MockResponse.Builder().body(OK).build());
        assertThat(query(new TlsOptions(null, true))).isEqualTo(1);
    }

    @Test
    void aCaFileThatIsNotPemIsBadInput() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.pem"), "not a certificate");
        assertThatThrownBy(() -> query(new TlsOptions(junk, false)))
                .hasMessageContaining("junk.pem");
    }
}
