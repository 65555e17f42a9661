package dev.ddbmodel.adapter.cli;

import picocli.CommandLine.Help.Ansi;

/** Colour only when the output is a terminal (picocli's AUTO detection, NO_COLOR honoured). */
final class Style {
  private final Ansi ansi;

  Style(Ansi ansi) {
    this.ansi = ansi;
  }

  String ok(String s) {
    return ansi.string("@|green " + escape(s) + "|@");
  }

  String bad(String s) {
    return ansi.string("@|red " + escape(s) + "|@");
  }

  String warn(String s) {
    return ansi.string("@|yellow " + escape(s) + "|@");
  }

  String bold(String s) {
    return ansi.string("@|bold " + escape(s) + "|@");
  }

  private static String escape(String s) {
    return s.replace("|@", "| @");
  }
}
