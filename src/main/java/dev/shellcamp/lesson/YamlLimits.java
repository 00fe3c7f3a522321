package dev.shellcamp.lesson;

/**
 * How much a YAML file may ask of us. Anchors let a few hundred bytes stand for billions of
 * nodes, so the bound is on the tree after aliases are expanded, not on the text. The shipped
 * lessons reach 17 KB, 432 expanded values, 9 levels and a 3,137-character value: every bound
 * here is over ten times that, and progress.json for every lesson is smaller still.
 */
public record YamlLimits(int maxChars, int maxNodes, int maxDepth, int maxScalar) {
  public static final YamlLimits DEFAULT = new YamlLimits(1 << 20, 50_000, 64, 64 * 1024);
}
