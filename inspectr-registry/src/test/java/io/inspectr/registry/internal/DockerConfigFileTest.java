package io.inspectr.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.inspectr.core.config.Secret;
import io.inspectr.core.image.Repository;
import io.inspectr.core.testing.MutableClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The docker config is read again when it changes, however it was changed. */
class DockerConfigFileTest {
  private static final Repository REPO = Repository.parse("registry.example.com/team/app");
  private static final FileTime SAME_TIME = FileTime.from(Instant.parse("2026-11-26T09:00:00Z"));

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));

  private static void write(Path file, String password) throws IOException {
    String auth =
        Base64.getEncoder().encodeToString(("AWS:" + password).getBytes(StandardCharsets.UTF_8));
    Files.writeString(file, "{\"auths\":{\"registry.example.com\":{\"auth\":\"" + auth + "\"}}}");
    Files.setLastModifiedTime(file, SAME_TIME);
  }

  private static Optional<Credential> found(DockerConfigFile config) {
    return config.get().find(REPO);
  }

  @Test
  void followsASecretMountThatSwapsTheFileBehindASymlink() throws IOException {
    // How the kubelet updates a mounted Secret: a new directory, then the link is swapped. Same
    // size and modification time here, so only the file's identity tells them apart.
    Path first = Files.createDirectory(dir.resolve("..2026_11_26_09_00_00"));
    write(first.resolve("config.json"), "token-1");
    Path link = dir.resolve("config.json");
    Files.createSymbolicLink(link, first.resolve("config.json"));
    DockerConfigFile config = new DockerConfigFile(link, clock);
    assertThat(found(config)).contains(Credential.basic("AWS", Secret.of("token-1")));

    Path second = Files.createDirectory(dir.resolve("..2026_11_26_21_00_00"));
    write(second.resolve("config.json"), "token-2");
    Path swap = dir.resolve("config.json.tmp");
    Files.createSymbolicLink(swap, second.resolve("config.json"));
    Files.move(swap, link, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    clock.advance(DockerConfigFile.RECHECK_EVERY);

    assertThat(found(config)).contains(Credential.basic("AWS", Secret.of("token-2")));
  }

  @Test
  void keepsWhatItHadWhenTheFileTurnsUnreadableAndDropsItWhenTheFileIsGone() throws IOException {
    Path file = dir.resolve("config.json");
    write(file, "token-1");
    DockerConfigFile config = new DockerConfigFile(file, clock);

    Files.writeString(file, "{\"auths\":");
    clock.advance(DockerConfigFile.RECHECK_EVERY);
    assertThat(found(config)).contains(Credential.basic("AWS", Secret.of("token-1")));

    Files.delete(file);
    clock.advance(DockerConfigFile.RECHECK_EVERY);
    assertThat(found(config)).isEmpty();

    write(file, "token-3");
    clock.advance(DockerConfigFile.RECHECK_EVERY);
    assertThat(found(config)).contains(Credential.basic("AWS", Secret.of("token-3")));
  }
}
