package dev.ddbmodel.core;

import java.util.Objects;

/**
 * One guide: a prompt or reference text an assistant follows.
 *
 * @param id stable identifier (e.g. {@code data-modeling})
 * @param title human title
 * @param version content version; bumped when the guidance changes
 * @param description when to use it
 * @param text the markdown, with the number annotations removed
 */
public record Guide(String id, String title, String version, String description, String text) {
  public Guide {
    Objects.requireNonNull(id);
    Objects.requireNonNull(text);
  }
}
