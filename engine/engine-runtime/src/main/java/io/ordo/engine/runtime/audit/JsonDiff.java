package io.ordo.engine.runtime.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** The JSON pointers at which two documents differ, for audit entries. Capped, deepest first. */
public final class JsonDiff {

  private static final int MAX_PATHS = 100;

  private JsonDiff() {}

  public static List<String> changedPaths(JsonNode before, JsonNode after) {
    var paths = new ArrayList<String>();
    walk("", before, after, paths);
    return paths;
  }

  private static void walk(String path, JsonNode a, JsonNode b, List<String> out) {
    if (out.size() >= MAX_PATHS || (a != null && a.equals(b))) {
      return;
    }
    if (a != null && b != null && a.isObject() && b.isObject()) {
      var keys = new LinkedHashSet<String>();
      a.fieldNames().forEachRemaining(keys::add);
      b.fieldNames().forEachRemaining(keys::add);
      for (String key : keys) {
        walk(path + "/" + escape(key), a.get(key), b.get(key), out);
      }
    } else if (a != null && b != null && a.isArray() && b.isArray()) {
      for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
        walk(path + "/" + i, a.get(i), b.get(i), out);
      }
    } else if (out.size() < MAX_PATHS) {
      out.add(path.isEmpty() ? "/" : path);
    }
  }

  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
