package io.ordo.cli;

import io.ordo.testkit.TestAgent;
import java.util.List;

/**
 * The services the example workflows call, played by one {@link TestAgent}: each agent is
 * registered with its own base path ({@code /crm}, {@code /shop}, ...), the way
 * examples/workflows/README.md registers them, and answers what the examples expect.
 */
final class ExampleAgents {

  /** Every agent id the four examples name. */
  static final List<String> IDS = List.of("crm", "mailer", "inventory", "pricing", "payments",
      "helpdesk", "shop", "warehouse");

  /** Where data-pipeline's notify step posts (its {@code notifyUrl} input). */
  static final String HOOK = "/hooks/orders-loaded";

  private ExampleAgents() {}

  /** Programs the happy paths; tests reprogram a path to make a step fail. */
  static void script(TestAgent agent) {
    agent.on("GET", "/crm/customers/c-42").respond(200,
        "{\"id\": \"c-42\", \"firstName\": \"Ada\", \"email\": \"ada@example.com\"}");
    agent.on("POST", "/mailer/messages").respond(202, "{\"messageId\": \"m-1\"}");
    agent.on("GET", "/inventory/stock/SKU-1").respond(200,
        "{\"sku\": \"SKU-1\", \"available\": 12}");
    agent.on("GET", "/pricing/prices/SKU-1").respond(200,
        "{\"amountCents\": 1000, \"vatPercent\": 19, \"currency\": \"EUR\"}");
    agent.on("POST", "/payments/refunds").respond(201, "{\"refundId\": \"r-1\"}");
    agent.on("POST", "/helpdesk/tickets").respond(201, "{\"ticketId\": \"t-7\"}");
    agent.on("GET", "/shop/orders").respond(200, """
        {"orders": [
          {"id": "o-1", "customer": {"email": "Ada@Example.com"}, "total": 19.99,
           "currency": "EUR", "lines": [{"sku": "SKU-1"}], "createdAt": "2026-11-22T09:15:00Z"},
          {"id": "o-2", "customer": {"email": "bob@example.com"}, "total": 5.5,
           "currency": "EUR", "lines": [{"sku": "SKU-2"}, {"sku": "SKU-3"}],
           "createdAt": "2026-11-22T11:40:00Z"},
          {"id": "o-3", "customer": {"email": "cy@example.org"}, "total": 120,
           "currency": "USD", "lines": [{"sku": "SKU-4"}], "createdAt": "2026-11-22T18:05:00Z"}
        ]}""");
    agent.on("POST", "/warehouse/tables/orders/batches").respond(200,
        "{\"batchId\": \"orders-2026-11-22\", \"inserted\": 3}");
    agent.on("POST", HOOK).respond(204, "");
  }
}
