package dev.containerregistry.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against a real {@code registry:2}: each test method may take a {@link
 * TestRegistry} parameter, which has a repository prefix of its own, so that tests never see each
 * other's images. Without a Docker engine the tests are skipped with a one-line reason, and fail
 * under {@code CI=true}.
 *
 * <pre>{@code
 * @RegistryTest(auth = Auth.TOKEN)
 * class PushTest {
 *   @Test
 *   void pushes(TestRegistry registry) throws IOException {
 *     Remote.write(registry.reference("app:1"), Randoms.image(1024, 1), registry.options());
 *   }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(RegistryTestExtension.class)
public @interface RegistryTest {
  /** How clients authenticate; default none. */
  Auth auth() default Auth.NONE;

  /** Serve https with a generated CA, which the registry's options trust. */
  boolean tls() default false;

  /** Share the registry with the whole run (default) or keep one for this class. */
  Sharing sharing() default Sharing.PER_RUN;

  /** The image to run, {@code registry:2} unless given. */
  String image() default "registry:2";
}
