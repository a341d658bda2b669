package dev.lbr.event;

import java.nio.file.Path;

/** A manifest file that cannot be loaded; the message names the file and the document. */
public class ManifestException extends RuntimeException {
  private final int document;

  /**
   * @param document 1-based index of the YAML document in the file; 0 when the whole file failed
   */
  public ManifestException(Path file, int document, String problem, Throwable cause) {
    super(file + (document > 0 ? " (document " + document + ")" : "") + ": " + problem, cause);
    this.document = document;
  }

  /** 1-based index of the YAML document in the file; 0 when the whole file failed. */
  public int document() {
    return document;
  }
}
