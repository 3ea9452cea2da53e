package passerelles;

import java.nio.file.Path;
import java.util.Map;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Neo4j embedded, with its Bolt connector listening on 127.0.0.1 only.
 * Usage: EmbeddedNeo4j HOME PORT PASSWORD [PAGECACHE_MB]
 * Prints "READY" once Bolt is up; stops cleanly on SIGTERM (shutdown hook).
 */
public final class EmbeddedNeo4j {
    public static void main(String[] args) throws InterruptedException {
        if (args.length < 3) {
            System.err.println("usage: EmbeddedNeo4j HOME PORT PASSWORD [PAGECACHE_MB]");
            System.exit(2);
        }
        Path home = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        String password = args[2];
        long pageCacheMb = args.length > 3 ? Long.parseLong(args[3]) : 512;
        SocketAddress address = new SocketAddress("127.0.0.1", port);
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, address)
                .setConfig(BoltConnector.advertised_address, address)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(dbms::shutdown, "neo4j-shutdown"));
        // Embedded calls run with full rights: set the password the clients will use.
        dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
        System.out.println("READY bolt://127.0.0.1:" + port);
        System.out.flush();
        Thread.currentThread().join();
    }
}
