package dev.containerregistry.testing;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.testcontainers.utility.DockerImageName;

/**
 * The JUnit 5 extension behind {@link RegistryTest}: checks for Docker before the class, starts the
 * registry on first use (per run or per class, as the annotation says), hands each test a {@link
 * TestRegistry} with its own repository prefix (or the {@link RegistryContainer} itself), and
 * clears the fault proxy after each test. Containers stop when their scope ends.
 */
public final class RegistryTestExtension
    implements BeforeAllCallback, AfterEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(RegistryTestExtension.class);
  private static final AtomicInteger TESTS = new AtomicInteger();
  private static final int MAX_PART = 40;

  /** Made by JUnit. */
  public RegistryTestExtension() {}

  @Override
  public void beforeAll(ExtensionContext context) {
    Prerequisites.requireDocker();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == TestRegistry.class || type == RegistryContainer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    RegistryContainer container = container(context);
    if (parameter.getParameter().getType() == RegistryContainer.class) {
      return container;
    }
    return context
        .getStore(NAMESPACE)
        .computeIfAbsent(
            "test-registry",
            key -> new TestRegistry(container, prefix(context)),
            TestRegistry.class);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    TestRegistry used = context.getStore(NAMESPACE).get("test-registry", TestRegistry.class);
    if (used != null) {
      used.clearFaults();
    }
  }

  private static RegistryContainer container(ExtensionContext context) {
    RegistryTest setup = setup(context);
    ExtensionContext scope =
        setup.sharing() == Sharing.PER_RUN ? context.getRoot() : classContext(context);
    String key = "registry:" + setup.auth() + ":" + setup.tls() + ":" + setup.image();
    return scope
        .getStore(NAMESPACE)
        .computeIfAbsent(key, k -> start(setup), RegistryContainer.class);
  }

  @SuppressWarnings("resource") // closed by JUnit with the store that holds it
  private static RegistryContainer start(RegistryTest setup) {
    RegistryContainer container =
        new RegistryContainer(DockerImageName.parse(setup.image())).withAuth(setup.auth());
    if (setup.tls()) {
      container.withTls();
    }
    container.start();
    return container;
  }

  private static RegistryTest setup(ExtensionContext context) {
    for (Class<?> c = context.getRequiredTestClass(); c != null; c = c.getEnclosingClass()) {
      Optional<RegistryTest> found = AnnotationSupport.findAnnotation(c, RegistryTest.class);
      if (found.isPresent()) {
        return found.get();
      }
    }
    return Defaults.class.getAnnotation(RegistryTest.class);
  }

  /** Carries the annotation's defaults for classes that use the extension without it. */
  @RegistryTest
  private static final class Defaults {}

  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext at = context;
    while (at.getTestMethod().isPresent() && at.getParent().isPresent()) {
      at = at.getParent().get();
    }
    return at;
  }

  /** {@code <class>/<method>-<n>}, lower case, safe as repository path components. */
  static String prefix(ExtensionContext context) {
    String type = part(context.getRequiredTestClass().getSimpleName());
    String method = context.getTestMethod().map(m -> part(m.getName())).orElse("class");
    return type + "/" + method + "-" + TESTS.incrementAndGet();
  }

  static String part(String name) {
    String safe =
        name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (safe.length() > MAX_PART) {
      safe = safe.substring(0, MAX_PART).replaceAll("-+$", "");
    }
    return safe.isEmpty() ? "test" : safe;
  }
}
