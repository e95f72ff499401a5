package vn.tangthu.archive.search;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks resources (or methods) that answer from the search index with the caller's visibility:
 * {@link VisibilityFenceFilter} runs before them, so they never return a record whose visibility
 * was narrowed by a change that has already answered.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface VisibilityFenced {}
