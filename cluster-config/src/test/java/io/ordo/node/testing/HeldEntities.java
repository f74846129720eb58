package io.ordo.node.testing;

import io.ordo.engine.runtime.execution.ExecutionEntity;
import io.ordo.node.OrdoNode;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.sharding.ShardRegion;
import org.apache.pekko.cluster.sharding.typed.ClusterShardingQuery;
import org.apache.pekko.cluster.sharding.typed.GetShardRegionState;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;

/** The execution entities a node's shard region holds in memory, as sharding itself reports. */
public final class HeldEntities {

  private HeldEntities() {}

  public static Set<String> of(OrdoNode node) throws Exception {
    ShardRegion.CurrentShardRegionState state = AskPattern.<ClusterShardingQuery,
            ShardRegion.CurrentShardRegionState>ask(
            ClusterSharding.get(node.system()).shardState(),
            replyTo -> new GetShardRegionState(ExecutionEntity.TYPE_KEY, replyTo),
            Duration.ofSeconds(5), node.system().scheduler())
        .toCompletableFuture().get();
    var ids = new HashSet<String>();
    state.getShards().forEach(shard -> ids.addAll(shard.getEntityIds()));
    return ids;
  }
}
