package dev.containerregistry.cli;

import java.util.ArrayList;
import java.util.List;

/** Sets {@code KEY=VALUE} entries in a config's environment, replacing those of the same key. */
final class EnvironmentEdit {

  private EnvironmentEdit() {}

  static List<String> set(List<String> env, List<String> assignments) {
    List<String> result = new ArrayList<>(env);
    for (String assignment : assignments) {
      String key = key(assignment);
      result.removeIf(existing -> key(existing).equals(key));
      result.add(assignment);
    }
    return result;
  }

  private static String key(String assignment) {
    int eq = assignment.indexOf('=');
    return eq < 0 ? assignment : assignment.substring(0, eq);
  }
}
