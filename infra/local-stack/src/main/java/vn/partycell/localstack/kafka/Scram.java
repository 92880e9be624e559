package vn.partycell.localstack.kafka;

import java.util.Properties;

/**
 * A broker that requires SASL/SCRAM-SHA-512 on its client listener, with ACLs enforced, and one
 * super user whose credentials are written into the storage when it is formatted (KRaft keeps
 * SCRAM credentials in the metadata log, so the first user cannot be added through the broker).
 */
public record Scram(String superUser, String superPassword) {

    public static final String MECHANISM = "SCRAM-SHA-512";

    /** The JAAS line for a SCRAM client or the broker's own listener. */
    public static String jaas(String username, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + quote(username)
                + "\" password=\"" + quote(password) + "\";";
    }

    /** Client settings that log in as {@code username}. */
    public static Properties clientProperties(String username, String password) {
        Properties properties = new Properties();
        properties.put("security.protocol", "SASL_PLAINTEXT");
        properties.put("sasl.mechanism", MECHANISM);
        properties.put("sasl.jaas.config", jaas(username, password));
        return properties;
    }

    /** The StorageTool argument that creates the super user at format time. */
    String formatArgument() {
        return MECHANISM + "=[name=" + superUser + ",password=" + superPassword + "]";
    }

    private static String quote(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
