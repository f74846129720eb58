package io.ordo.engine.model.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ordo.engine.model.expr.TemplateScanner.Segment;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateScannerTest {

  @Test
  void splitsTextAndExpressions() throws Exception {
    assertEquals(List.of(new Segment("/a/", false), new Segment(" .x ", true), new Segment("/b", false)),
        TemplateScanner.scan("/a/${ .x }/b"));
  }

  @Test
  void leavesDollarWithoutBraceAsText() throws Exception {
    assertEquals(List.of(new Segment("costs $5 {not} }", false)), TemplateScanner.scan("costs $5 {not} }"));
  }

  @Test
  void skipsBracesInStringsInterpolationsAndComments() {
    for (String template : List.of("${ {a: \"}\"} }", "${ \"\\(\"}\") }\" }", "${ # } \n .a }",
        "${ \"\\\"}\" }", "${ [.a[] | {b: (.c)}] }")) {
      assertEquals(template.length() - 1, TemplateScanner.closingBrace(template, 2), template);
    }
  }

  @Test
  void reportsMissingClosingBrace() {
    assertEquals(-1, TemplateScanner.closingBrace("${ {a: 1 ", 2));
    assertEquals(-1, TemplateScanner.closingBrace("${ \"}", 2));
  }
}
