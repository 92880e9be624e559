package vn.partycell.operations;

import java.util.Map;
import java.util.Properties;

/**
 * Where the broker is and how to log in: the same names the services read ({@code KAFKA_BOOTSTRAP},
 * {@code KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_MECHANISM}, {@code KAFKA_USERNAME},
 * {@code KAFKA_PASSWORD}); a flag overrides its variable. PLAINTEXT unless told otherwise.
 */
public record KafkaConnection(
        String bootstrap, String securityProtocol, String saslMechanism, String username, String password) {

    public static KafkaConnection fromEnv(Map<String, String> env) {
        return new KafkaConnection(
                env.getOrDefault("KAFKA_BOOTSTRAP", "localhost:9092"),
                env.getOrDefault("KAFKA_SECURITY_PROTOCOL", "PLAINTEXT"),
                env.getOrDefault("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512"),
                env.get("KAFKA_USERNAME"),
                env.get("KAFKA_PASSWORD"));
    }

    KafkaConnection with(String flag, String value) {
        return switch (flag) {
            case "--bootstrap" -> new KafkaConnection(value, securityProtocol, saslMechanism, username, password);
            case "--security-protocol" -> new KafkaConnection(bootstrap, value, saslMechanism, username, password);
            case "--sasl-mechanism" -> new KafkaConnection(bootstrap, securityProtocol, value, username, password);
            case "--username" -> new KafkaConnection(bootstrap, securityProtocol, saslMechanism, value, password);
            case "--password" -> new KafkaConnection(bootstrap, securityProtocol, saslMechanism, username, value);
            default -> throw new UsageException("unknown option " + flag);
        };
    }

    static boolean isConnectionFlag(String flag) {
        return switch (flag) {
            case "--bootstrap", "--security-protocol", "--sasl-mechanism", "--username", "--password" -> true;
            default -> false;
        };
    }

    /** Client properties common to the consumer and the producer. */
    public Properties clientProperties() {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", bootstrap);
        properties.put("security.protocol", securityProtocol);
        properties.put("client.id", "partycell-dead-letters");
        if (securityProtocol.startsWith("SASL")) {
            if (username == null || password == null) {
                throw new UsageException(
                        securityProtocol + " needs KAFKA_USERNAME and KAFKA_PASSWORD (or --username/--password)");
            }
            properties.put("sasl.mechanism", saslMechanism);
            properties.put("sasl.jaas.config", jaasConfig(saslMechanism, username, password));
        }
        return properties;
    }

    static String jaasConfig(String mechanism, String username, String password) {
        String module = mechanism.equals("PLAIN")
                ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                : "org.apache.kafka.common.security.scram.ScramLoginModule";
        return module + " required username=\"" + quote(username) + "\" password=\"" + quote(password) + "\";";
    }

    private static String quote(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
