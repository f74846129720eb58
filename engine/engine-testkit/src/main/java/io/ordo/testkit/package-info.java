/** Test fixtures shared by the modules' tests; never on a node's class path. */
package io.ordo.testkit;
