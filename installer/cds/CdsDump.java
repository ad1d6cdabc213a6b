import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Dumps the app image's AppCDS archive (lib/app/promptdesk.jsa) from its class list (lib/app/promptdesk.classlist,
 * recorded from a console start and a CLI test run), with the image's own
 * runtime and exactly the launcher's class path, so the console starts faster. Run with any JDK 11+:
 * {@code java installer/cds/CdsDump.java target/installer/promptdesk}. JDK 17 archives are bound to the class path
 * they were dumped with, so the Debian package dumps again where it is installed (see linux/postinst).
 */
public final class CdsDump {
    public static void main(String[] args) throws IOException, InterruptedException {
        Path image = Path.of(args[0]).toAbsolutePath();
        Path appDir = image.resolve(isMac(image) ? "Contents/app" : "lib/app");
        Path runtime = image.resolve(isMac(image) ? "Contents/runtime/Contents/Home" : "lib/runtime");
        Path java = runtime.resolve(System.getProperty("os.name").startsWith("Windows") ? "bin/java.exe" : "bin/java");
        if (!Files.exists(java)) {
            // Windows images keep the runtime beside the app folder.
            java = image.resolve("runtime/bin/java.exe");
            appDir = image.resolve("app");
        }
        List<String> classPath = new ArrayList<>();
        for (String line : Files.readAllLines(appDir.resolve("promptdesk.cfg"))) {
            if (line.startsWith("app.classpath=")) {
                classPath.add(line.substring("app.classpath=".length()).replace("$APPDIR", appDir.toString()));
            }
        }
        Path classList = appDir.resolve("promptdesk.classlist");
        // Only errors: the dump warns for every class it cannot archive (old class files, JFR events), as designed.
        Process p = new ProcessBuilder(java.toString(), "-Xshare:dump", "-Xlog:disable", "-Xlog:all=error:stderr",
                "-XX:SharedClassListFile=" + classList,
                "-XX:SharedArchiveFile=" + appDir.resolve("promptdesk.jsa"),
                "-cp", String.join(File.pathSeparator, classPath))
                .inheritIO().start();
        int exit = p.waitFor();
        if (exit != 0) {
            System.err.println("CdsDump: the archive could not be dumped (exit " + exit + "); the app starts without it");
        }
    }

    private static boolean isMac(Path image) {
        return Files.isDirectory(image.resolve("Contents"));
    }
}
