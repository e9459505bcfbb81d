package io.inspectr.core.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Tag lists shaped like those of busy Docker Hub repositories (nginx, node, postgres): versions of
 * two to four parts with channel suffixes, floating tags, pre-releases, named tags, commit hashes
 * and signature tags, in registry (unsorted) order. Seeded, so every run sees the same list.
 */
public final class RealisticTags {
  private static final String[] CHANNELS = {
    "",
    "",
    "",
    "-alpine",
    "-alpine3.19",
    "-slim",
    "-bookworm",
    "-bullseye",
    "-perl",
    "-otel",
    "-debian-12-r5",
    "-distroless"
  };
  private static final String[] NAMED = {"latest", "stable", "mainline", "alpine", "edge", "lts"};

  private RealisticTags() {}

  /**
   * A list of {@code size} distinct tags.
   *
   * @param size how many
   * @param seed the random seed
   * @return the tags, shuffled
   */
  public static List<String> generate(int size, long seed) {
    Random random = new Random(seed);
    java.util.LinkedHashSet<String> tags = new java.util.LinkedHashSet<>();
    for (String named : NAMED) {
      tags.add(named);
    }
    while (tags.size() < size) {
      int kind = random.nextInt(100);
      if (kind < 3) {
        tags.add(hex(random, 7 + random.nextInt(34)));
      } else if (kind < 5) {
        tags.add("sha256-" + hex(random, 64) + (random.nextBoolean() ? ".sig" : ".att"));
      } else {
        int major = random.nextInt(30);
        int minor = random.nextInt(40);
        int patch = random.nextInt(25);
        String prefix = random.nextInt(10) == 0 ? "v" : "";
        String version;
        int precision = random.nextInt(10);
        if (precision == 0) {
          version = prefix + major;
        } else if (precision < 3) {
          version = prefix + major + "." + minor;
        } else if (precision < 9) {
          version = prefix + major + "." + minor + "." + patch;
        } else {
          version = prefix + major + "." + minor + "." + patch + "." + random.nextInt(10);
        }
        if (random.nextInt(12) == 0) {
          version += random.nextBoolean() ? "rc" + random.nextInt(5) : "b" + random.nextInt(5);
        }
        tags.add(version + CHANNELS[random.nextInt(CHANNELS.length)]);
      }
    }
    List<String> list = new ArrayList<>(tags);
    Collections.shuffle(list, random);
    return list;
  }

  private static String hex(Random random, int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append("0123456789abcdef".charAt(random.nextInt(16)));
    }
    return out.toString();
  }
}
