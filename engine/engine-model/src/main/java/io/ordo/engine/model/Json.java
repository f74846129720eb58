package io.ordo.engine.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one configured {@link ObjectMapper} of Ordo: java.time support with ISO-8601 strings for
 * instants and durations, and empty beans allowed. It is configured once and never changed, so it
 * is safe to share between threads; derive an {@code ObjectReader}/{@code ObjectWriter} for
 * different settings instead of reconfiguring it.
 */
public final class Json {

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .build();

  private Json() {
  }

  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
