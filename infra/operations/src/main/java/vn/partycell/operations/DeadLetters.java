package vn.partycell.operations;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The operator command for dead letters: {@code list <dlt-topic>} and
 * {@code republish <dlt-topic> (--offsets 3,7 | --offsets 0:3,1:7 | --all)}. Re-publishing sends the
 * original key, value and event headers back to the original topic; consumers are idempotent, so
 * an event that was in fact applied already changes nothing. Reads the DLT without a consumer
 * group: listing commits nothing and can be repeated.
 */
public final class DeadLetters {

    static final String USAGE = """
            usage: dead-letters.sh [connection options] list <dlt-topic>
                   dead-letters.sh [connection options] republish <dlt-topic> (--offsets 3,7 | --offsets 0:3,1:7 | --all)
            connection options (each overrides its environment variable):
              --bootstrap host:port        KAFKA_BOOTSTRAP (default localhost:9092)
              --security-protocol P        KAFKA_SECURITY_PROTOCOL (PLAINTEXT | SASL_PLAINTEXT | SASL_SSL; default PLAINTEXT)
              --sasl-mechanism M           KAFKA_SASL_MECHANISM (default SCRAM-SHA-512)
              --username U                 KAFKA_USERNAME
              --password P                 KAFKA_PASSWORD (prefer the variable: flags show in ps)
            """;

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final PrintStream out;

    private DeadLetters(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** Runs one command; returns the process exit code (0 done, 1 failed, 2 bad command line). */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        try {
            KafkaConnection connection = KafkaConnection.fromEnv(env);
            List<String> words = new ArrayList<>();
            String offsets = null;
            boolean all = false;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (KafkaConnection.isConnectionFlag(arg)) {
                    connection = connection.with(arg, value(args, ++i, arg));
                } else if (arg.equals("--offsets")) {
                    offsets = value(args, ++i, arg);
                } else if (arg.equals("--all")) {
                    all = true;
                } else if (arg.startsWith("--")) {
                    throw new UsageException("unknown option " + arg);
                } else {
                    words.add(arg);
                }
            }
            if (words.size() != 2) {
                throw new UsageException("expected a command and a dead-letter topic");
            }
            DeadLetters tool = new DeadLetters(out);
            String topic = words.get(1);
            switch (words.get(0)) {
                case "list" -> {
                    if (offsets != null || all) {
                        throw new UsageException("list takes no --offsets/--all");
                    }
                    return tool.list(connection, topic);
                }
                case "republish" -> {
                    if ((offsets == null) == !all) {
                        throw new UsageException("republish needs exactly one of --offsets or --all");
                    }
                    return tool.republish(connection, topic, all ? null : Selection.parse(offsets));
                }
                default -> throw new UsageException("unknown command " + words.get(0));
            }
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.print(USAGE);
            return 2;
        } catch (ToolException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("error: " + e + (e.getCause() == null ? "" : " (" + e.getCause() + ")"));
            return 1;
        }
    }

    private static String value(String[] args, int index, String flag) {
        if (index >= args.length) {
            throw new UsageException(flag + " needs a value");
        }
        return args[index];
    }

    private int list(KafkaConnection connection, String topic) {
        List<DeadLetter> letters = read(connection, topic);
        out.println(topic + ": " + letters.size() + " dead letter(s)");
        out.println("DLT partition:offset\tkey\tce_type\tce_id\toriginal topic/partition@offset\terror\treason");
        letters.forEach(letter -> out.println(letter.describe()));
        return 0;
    }

    private int republish(KafkaConnection connection, String topic, Selection selection) {
        List<DeadLetter> letters = read(connection, topic);
        List<DeadLetter> chosen = selection == null ? letters : selection.choose(letters);
        List<String> unroutable = chosen.stream()
                .filter(letter -> letter.originalTopic() == null)
                .map(DeadLetter::coordinates)
                .toList();
        if (!unroutable.isEmpty()) {
            // Checked before sending anything: a command either re-publishes all it was asked to or none.
            throw new ToolException("no x-original-topic header on " + unroutable + "; nothing re-published");
        }
        Properties properties = connection.clientProperties();
        properties.put("enable.idempotence", "true");
        properties.put("acks", "all");
        properties.put("max.block.ms", "15000");
        properties.put("request.timeout.ms", "15000");
        properties.put("delivery.timeout.ms", "30000");
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (DeadLetter letter : chosen) {
                ConsumerRecord<byte[], byte[]> record = letter.record();
                // No partition given: the original key picks the original partition, as for the first send.
                RecordMetadata sent = producer.send(new ProducerRecord<>(
                                letter.originalTopic(), null, record.key(), record.value(), letter.eventHeaders()))
                        .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                out.println("republished " + topic + " " + letter.coordinates() + " -> " + sent.topic() + "/"
                        + sent.partition() + "@" + sent.offset() + " key=" + letter.key() + " ce_type="
                        + letter.header("ce_type") + " ce_id=" + letter.header("ce_id"));
            }
        } catch (ExecutionException e) {
            throw new ToolException("the broker refused a record: " + e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new ToolException("the broker did not acknowledge in " + TIMEOUT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolException("interrupted");
        }
        out.println("republished " + chosen.size() + " of " + letters.size() + " dead letter(s) from " + topic);
        return 0;
    }

    /** Every record of the topic, from the start to the end it had when reading began. */
    static List<DeadLetter> read(KafkaConnection connection, String topic) {
        Properties properties = connection.clientProperties();
        properties.put("enable.auto.commit", "false");
        properties.put("auto.offset.reset", "earliest");
        properties.put("request.timeout.ms", "15000");
        properties.put("default.api.timeout.ms", "30000");
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, TIMEOUT);
            if (infos == null || infos.isEmpty()) {
                throw new ToolException("topic " + topic + " does not exist");
            }
            List<TopicPartition> partitions = infos.stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .sorted((a, b) -> Integer.compare(a.partition(), b.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            List<DeadLetter> letters = new ArrayList<>();
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, TIMEOUT) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new ToolException("could not read " + topic + " to its end in " + TIMEOUT.toSeconds() + " s");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < end.get(new TopicPartition(topic, record.partition()))) {
                        letters.add(new DeadLetter(record));
                    }
                }
            }
            letters.sort((a, b) -> a.record().partition() != b.record().partition()
                    ? Integer.compare(a.record().partition(), b.record().partition())
                    : Long.compare(a.record().offset(), b.record().offset()));
            return letters;
        }
    }

    /** The records an operator named: {@code 3,7} (an offset in any partition) or {@code 0:3,1:7}. */
    record Selection(Set<String> items) {

        static Selection parse(String text) {
            Set<String> items = new LinkedHashSet<>();
            for (String item : text.split(",")) {
                String trimmed = item.trim();
                if (!trimmed.matches("(\\d+:)?\\d+")) {
                    throw new UsageException("bad offset '" + trimmed + "': use 3,7 or 0:3,1:7");
                }
                items.add(trimmed);
            }
            return new Selection(items);
        }

        List<DeadLetter> choose(List<DeadLetter> letters) {
            List<DeadLetter> chosen = new ArrayList<>();
            for (String item : items) {
                List<DeadLetter> matches = letters.stream()
                        .filter(letter -> item.contains(":")
                                ? letter.coordinates().equals(item)
                                : Long.toString(letter.record().offset()).equals(item))
                        .toList();
                if (matches.isEmpty()) {
                    throw new ToolException("no dead letter at offset " + item + "; nothing re-published");
                }
                if (matches.size() > 1) {
                    throw new ToolException("offset " + item + " is in several partitions ("
                            + matches.stream().map(DeadLetter::coordinates).collect(Collectors.joining(", "))
                            + "): name it as partition:offset; nothing re-published");
                }
                chosen.add(matches.get(0));
            }
            return chosen;
        }
    }

    /** The command could not do its work; nothing half-done is left behind it. */
    static final class ToolException extends RuntimeException {
        ToolException(String message) {
            super(message);
        }
    }
}
