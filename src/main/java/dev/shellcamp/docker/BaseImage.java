package dev.shellcamp.docker;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * No registry can be assumed (a classroom behind a firewall), so lessons build on an image
 * made here: {@code FROM scratch} with the machine's statically linked busybox.
 */
public final class BaseImage {
  public static final String TAG = "shellcamp/busybox:latest";
  private static final List<Path> CANDIDATES = List.of(Path.of("/bin/busybox"), Path.of("/usr/bin/busybox"),
      Path.of("/usr/local/bin/busybox"));

  private BaseImage() {}

  /** A statically linked busybox, which alone can run in an image with no C library. */
  public static Optional<Path> staticBusybox() {
    return CANDIDATES.stream().filter(Files::isRegularFile).filter(BaseImage::isStatic).findFirst();
  }

  /** Builds the base image unless the engine already has it; returns true when it built. */
  public static boolean ensure(DockerGateway docker, Consumer<String> progress, BooleanSupplier cancelled)
      throws IOException {
    if (docker.image(TAG).isPresent()) {
      return false;
    }
    Path busybox = staticBusybox().orElseThrow(() -> new IOException(
        "no statically linked busybox found (apt-get install busybox-static)"));
    Path dir = Files.createTempDirectory("shellcamp-base-");
    try {
      Files.copy(busybox, dir.resolve("busybox"), StandardCopyOption.COPY_ATTRIBUTES);
      Files.writeString(dir.resolve("Dockerfile"), """
          FROM scratch
          COPY busybox /bin/busybox
          RUN ["/bin/busybox", "--install", "-s", "/bin"]
          RUN ["/bin/mkdir", "-p", "/tmp", "/etc", "/root", "/home", "/var/www", "/usr/bin", "/usr/local/bin"]
          RUN ["/bin/sh", "-c", "echo 'root:x:0:0:root:/root:/bin/sh' > /etc/passwd && echo 'root:x:0:' > /etc/group && chmod 1777 /tmp"]
          ENV PATH=/usr/local/bin:/usr/bin:/bin
          CMD ["sh"]
          """);
      docker.build(dir.toFile(), TAG, Map.of("shellcamp.base", "busybox"), progress, cancelled);
      return true;
    } finally {
      try (var s = Files.walk(dir)) {
        s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** An ELF executable without a PT_INTERP program header needs no dynamic loader. */
  static boolean isStatic(Path file) {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
      byte[] id = new byte[16];
      f.readFully(id);
      if (id[0] != 0x7f || id[1] != 'E' || id[2] != 'L' || id[3] != 'F' || id[4] != 2 || id[5] != 1) {
        return false; // only 64-bit little-endian is expected here
      }
      f.seek(0x20);
      long phoff = Long.reverseBytes(f.readLong());
      f.seek(0x36);
      int phentsize = Short.toUnsignedInt(Short.reverseBytes(f.readShort()));
      int phnum = Short.toUnsignedInt(Short.reverseBytes(f.readShort()));
      for (int i = 0; i < phnum; i++) {
        f.seek(phoff + (long) i * phentsize);
        if (Integer.reverseBytes(f.readInt()) == 3) {
          return false;
        }
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
