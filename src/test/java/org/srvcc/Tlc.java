package org.srvcc;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test that starts TLC (directly or through a command that checks models). {@code mvn test} leaves
 * these out and runs with TLC switched off, so an untagged test that needs TLC fails there;
 * {@code mvn verify} runs them in its integration-test phase.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("tlc")
public @interface Tlc {}
