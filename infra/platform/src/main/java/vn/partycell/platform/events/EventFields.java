package vn.partycell.platform.events;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import vn.partycell.platform.kernel.OrgPath;

/**
 * A tolerant reader of an event's data (Fowler's Tolerant Reader): a consumer reads by name only
 * the fields it uses, so it declares no copy of the producer's record and ignores whatever else
 * the producer sends. Every read is typed, and data that cannot be read as the contract promises
 * is a {@link PoisonEventException} naming the event id and the field's path, for example {@code
 * Event 42: attendance[3].memberId is not a UUID}.
 *
 * <p>A required read treats an absent field and JSON {@code null} alike (missing); an optional
 * read returns empty for both but still rejects a value of the wrong type.
 */
public final class EventFields {

    private final String eventId;
    private final String path;
    private final JsonNode node;

    private EventFields(String eventId, String path, JsonNode node) {
        this.eventId = eventId;
        this.path = path;
        this.node = node;
    }

    /** The event's data object; anything but a JSON object is poison. */
    public static EventFields root(String eventId, JsonNode data) {
        if (data == null || data.isMissingNode() || data.isNull()) {
            throw new PoisonEventException("Event " + eventId + " has no data");
        }
        if (!data.isObject()) {
            throw new PoisonEventException("Event " + eventId + " data is not a JSON object");
        }
        return new EventFields(eventId, "", data);
    }

    /** The event id, as failures name it. */
    public String eventId() {
        return eventId;
    }

    /** Where this object sits in the data ({@code ""} for the root, {@code attendance[3]} for an element). */
    public String path() {
        return path;
    }

    public UUID uuid(String name) {
        return toUuid(name, required(name));
    }

    public Optional<UUID> optionalUuid(String name) {
        return optional(name).map(v -> toUuid(name, v));
    }

    public String text(String name) {
        return toText(name, required(name));
    }

    public Optional<String> optionalText(String name) {
        return optional(name).map(v -> toText(name, v));
    }

    public Instant instant(String name) {
        String text = text(name);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw poison(name, "is not an instant: '" + text + "'", e);
        }
    }

    /** A calendar date of the wire ({@code yyyy-MM-dd}); one that does not parse makes the event poison. */
    public LocalDate date(String name) {
        String text = text(name);
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw poison(name, "is not a date (yyyy-MM-dd): '" + text + "'", e);
        }
    }

    public int integer(String name) {
        JsonNode value = required(name);
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw poison(name, "is not an integer: " + value);
        }
        return value.intValue();
    }

    public long longNumber(String name) {
        JsonNode value = required(name);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw poison(name, "is not a whole number: " + value);
        }
        return value.longValue();
    }

    /** A whole number of at least 1, such as an aggregate's version. */
    public long positiveLong(String name) {
        long value = longNumber(name);
        if (value < 1) {
            throw poison(name, "must be at least 1, is " + value);
        }
        return value;
    }

    public boolean bool(String name) {
        JsonNode value = required(name);
        if (!value.isBoolean()) {
            throw poison(name, "is not a boolean: " + value);
        }
        return value.booleanValue();
    }

    /** An optional boolean: absent or null is empty; anything but a boolean is poison. */
    public Optional<Boolean> optionalBool(String name) {
        Optional<JsonNode> value = optional(name);
        if (value.isPresent() && !value.get().isBoolean()) {
            throw poison(name, "is not a boolean: " + value.get());
        }
        return value.map(JsonNode::booleanValue);
    }

    public OrgPath orgPath(String name) {
        String text = text(name);
        try {
            return OrgPath.of(text);
        } catch (IllegalArgumentException e) {
            throw poison(name, "is not an org path: '" + text + "'", e);
        }
    }

    /** A value of a closed set the consumer knows all of; any other value is poison. */
    public <E extends Enum<E>> E enumValue(String name, Class<E> type) {
        String text = text(name);
        return parseEnum(type, text)
                .orElseThrow(() -> poison(name, "is not a known " + type.getSimpleName() + ": '" + text + "'"));
    }

    /**
     * A value the consumer may not know (a newer producer's addition): empty for an unknown value so
     * the consumer can pass the event by; a missing field is still poison.
     */
    public <E extends Enum<E>> Optional<E> knownEnum(String name, Class<E> type) {
        return parseEnum(type, text(name));
    }

    /** An array of strings; absent or null reads as an empty list. */
    public List<String> texts(String name) {
        Optional<JsonNode> array = optional(name);
        if (array.isEmpty()) {
            return List.of();
        }
        requireArray(name, array.get());
        List<String> texts = new ArrayList<>();
        int i = 0;
        for (JsonNode item : array.get().values()) {
            texts.add(toText(name + "[" + i++ + "]", item));
        }
        return List.copyOf(texts);
    }

    /** An array of integers; absent or null reads as an empty list. */
    public List<Integer> integers(String name) {
        Optional<JsonNode> array = optional(name);
        if (array.isEmpty()) {
            return List.of();
        }
        requireArray(name, array.get());
        List<Integer> values = new ArrayList<>();
        int i = 0;
        for (JsonNode item : array.get().values()) {
            if (!item.isIntegralNumber() || !item.canConvertToInt()) {
                throw poison(name + "[" + i + "]", "is not an integer: " + item);
            }
            values.add(item.intValue());
            i++;
        }
        return List.copyOf(values);
    }

    /** A required array of objects, each read by {@code read}; failures name the element's index. */
    public <T> List<T> objects(String name, Function<EventFields, T> read) {
        JsonNode array = required(name);
        requireArray(name, array);
        List<T> values = new ArrayList<>();
        int i = 0;
        for (JsonNode item : array.values()) {
            values.add(read.apply(nested(qualified(name) + "[" + i++ + "]", item)));
        }
        return List.copyOf(values);
    }

    /** A required nested object. */
    public EventFields object(String name) {
        return nested(qualified(name), required(name));
    }

    /** A nested object that may be missing or null; present, it must be an object. */
    public Optional<EventFields> optionalObject(String name) {
        return optional(name).map(value -> nested(qualified(name), value));
    }

    /**
     * Builds a typed value from what was read; a rule the value's constructor enforces (an {@link
     * IllegalArgumentException} or a null check) makes the event poison, naming this object's path.
     */
    public <T> T valid(Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            String where = path.isEmpty() ? "" : path + " ";
            throw new PoisonEventException("Event " + eventId + ": " + where + "is invalid: " + e.getMessage(), e);
        }
    }

    private EventFields nested(String at, JsonNode value) {
        if (!value.isObject()) {
            throw new PoisonEventException("Event " + eventId + ": " + at + " is not an object: " + value);
        }
        return new EventFields(eventId, at, value);
    }

    private JsonNode required(String name) {
        return optional(name).orElseThrow(() -> poison(name, "is missing"));
    }

    private Optional<JsonNode> optional(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() || value.isMissingNode() ? Optional.empty() : Optional.of(value);
    }

    private void requireArray(String name, JsonNode value) {
        if (!value.isArray()) {
            throw poison(name, "is not an array: " + value);
        }
    }

    private String toText(String name, JsonNode value) {
        if (!value.isString()) {
            throw poison(name, "is not a string: " + value);
        }
        return value.stringValue();
    }

    private UUID toUuid(String name, JsonNode value) {
        String text = toText(name, value);
        try {
            UUID uuid = UUID.fromString(text);
            // UUID.fromString accepts short groups ("1-1-1-1-1"); the contract's form is canonical.
            if (!uuid.toString().equals(text.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("not canonical");
            }
            return uuid;
        } catch (IllegalArgumentException e) {
            throw poison(name, "is not a UUID: '" + text + "'", e);
        }
    }

    private static <E extends Enum<E>> Optional<E> parseEnum(Class<E> type, String text) {
        try {
            return Optional.of(Enum.valueOf(type, text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String qualified(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private PoisonEventException poison(String name, String why) {
        return new PoisonEventException("Event " + eventId + ": " + qualified(name) + " " + why);
    }

    private PoisonEventException poison(String name, String why, Throwable cause) {
        return new PoisonEventException("Event " + eventId + ": " + qualified(name) + " " + why, cause);
    }
}
