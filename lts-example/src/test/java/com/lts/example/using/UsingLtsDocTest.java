package com.lts.example.using;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/using-lts.md shows the classes of this package exactly as they are compiled here, and a pom
 * with the current version; lts-bom manages every published module at that version.
 */
class UsingLtsDocTest {

  private static final Path ROOT = Path.of("..");
  private static final Path SOURCES = Path.of("src/main/java/com/lts/example/using");
  private static final Set<String> NOT_PUBLISHED = Set.of("lts-example", "lts-benchmark");

  @Test
  void theDocShowsEachClassAsCompiled() throws IOException {
    List<String> blocks = blocks(doc(), "java");
    List<String> files = new ArrayList<>();
    for (String name : List.of("ShopJobTracker", "ShopWorker", "ShopSubmitter")) {
      files.add(Files.readString(SOURCES.resolve(name + ".java")));
    }
    assertThat(blocks).as("the java blocks of docs/using-lts.md").isEqualTo(files);
  }

  @Test
  void theDocsPomNamesTheCurrentVersionAndTheBom() throws IOException {
    String pom = blocks(doc(), "xml").get(0);
    assertThat(pom)
        .contains("<artifactId>lts-bom</artifactId>\n        <version>" + version(ROOT) + "<")
        .contains("<maven.compiler.release>17</maven.compiler.release>")
        .contains("<artifactId>logback-classic</artifactId>");
    assertThat(doc()).contains("the version `" + version(ROOT) + "`");
  }

  @Test
  void theBomManagesEveryPublishedModuleAtTheCurrentVersion() throws IOException {
    String bom = Files.readString(ROOT.resolve("lts-bom/pom.xml"));
    assertThat(version(ROOT.resolve("lts-bom"))).isEqualTo(version(ROOT));
    assertThat(bom).doesNotContain("<parent>");
    String managed = bom.substring(bom.indexOf("<dependencyManagement>"));
    Set<String> modules = new LinkedHashSet<>();
    Matcher m =
        Pattern.compile("<module>(.*?)</module>")
            .matcher(Files.readString(ROOT.resolve("pom.xml")));
    while (m.find()) {
      modules.add(m.group(1));
    }
    modules.removeAll(NOT_PUBLISHED);
    modules.remove("lts-bom");
    assertThat(modules).isNotEmpty();
    for (String module : modules) {
      assertThat(managed).contains("<artifactId>" + module + "</artifactId>");
      assertThat(doc()).as("docs/using-lts.md lists %s", module).contains("| `" + module + "` |");
    }
  }

  private static String doc() throws IOException {
    return Files.readString(ROOT.resolve("docs/using-lts.md"));
  }

  /** The text of each fenced block of {@code language}, in order. */
  private static List<String> blocks(String doc, String language) {
    List<String> blocks = new ArrayList<>();
    Matcher m = Pattern.compile("```" + language + "\n(.*?)```", Pattern.DOTALL).matcher(doc);
    while (m.find()) {
      blocks.add(m.group(1));
    }
    return blocks;
  }

  /** The project's own version in {@code dir}'s pom (the first version after its artifactId). */
  private static String version(Path dir) throws IOException {
    String pom = Files.readString(dir.resolve("pom.xml"));
    int parentEnd = pom.indexOf("</parent>");
    Matcher m =
        Pattern.compile("<version>(.*?)</version>")
            .matcher(pom.substring(parentEnd < 0 ? 0 : parentEnd));
    assertThat(m.find()).isTrue();
    return m.group(1);
  }
}
