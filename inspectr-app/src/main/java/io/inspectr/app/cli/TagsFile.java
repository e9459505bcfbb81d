package io.inspectr.app.cli;

import io.inspectr.core.image.ImageReference;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Tags read from a file, one a line, for offline checks: blank lines and lines starting with {@code
 * #} are skipped, surrounding white space is trimmed. The same tags serve every image.
 */
final class TagsFile implements TagSource {
  private final Path file;
  private List<String> tags;

  TagsFile(Path file) {
    this.file = file;
  }

  @Override
  public List<String> tags(ImageReference reference) throws TagLookupException {
    if (tags == null) {
      tags = read();
    }
    return tags;
  }

  private List<String> read() throws TagLookupException {
    try {
      return Files.readAllLines(file).stream()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .toList();
    } catch (NoSuchFileException e) {
      throw new TagLookupException(
          "--tags-file " + file + " does not exist: give a file with one tag a line", true, e);
    } catch (MalformedInputException e) {
      throw new TagLookupException(
          "--tags-file " + file + " is not UTF-8 text: give a file with one tag a line", true, e);
    } catch (IOException e) {
      throw new TagLookupException(
          "--tags-file " + file + " cannot be read: " + e.getMessage(), false, e);
    }
  }
}
