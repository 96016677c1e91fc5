package dev.containerregistry.v1.validate;

import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Arrays;

/** Stand-ins that answer like the real thing except for one method: one value that lies. */
final class Lying {

  /** What the lying method answers, given the truthful object. */
  @FunctionalInterface
  interface Answer<T> {
    Object answer(T truth) throws IOException;
  }

  private Lying() {}

  /**
   * A {@code type} that forwards to {@code truth}, except that {@code method} gives {@code lie}.
   */
  static <T> T about(Class<T> type, T truth, String method, Answer<T> lie) {
    if (Arrays.stream(type.getMethods()).noneMatch(m -> m.getName().equals(method))) {
      throw new IllegalArgumentException(type.getSimpleName() + " has no method " + method);
    }
    InvocationHandler handler =
        (proxy, called, args) -> {
          if (called.getName().equals(method)) {
            return lie.answer(truth);
          }
          try {
            return called.invoke(truth, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        };
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
  }
}
