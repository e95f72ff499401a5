package vn.tangthu.archive.metrics;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method whose every answer is one ingest, counted by {@link IngestCounting}: a
 * 2xx answer in {@code tangthu_ingests}, a 4xx in {@code tangthu_ingest_failures.refused}, anything
 * else in {@code tangthu_ingest_failures.error}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface CountsIngest {}
