package io.ordo.http.routes;

import io.ordo.engine.runtime.audit.Caller;
import org.apache.pekko.http.javadsl.server.Route;

/** One resource of {@code /api/v1}, routed for the caller the request acts as. */
public interface ApiResource {

  Route routes(Caller caller);
}
