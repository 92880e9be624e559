package vn.partycell.gateway.dev;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The users the dev issuer knows: the built-in {@code admin} and those in the users file. The file
 * is read again on every call, since the local stack's seeder writes it after the gateway has
 * started; a missing file means only {@code admin}.
 *
 * <p>File format: {@code {"users":[{"username":"...","displayName":"...","memberId":"<uuid>",
 * "grants":[{"org":"/hy/...","role":"secretary"}]}]}}.
 */
public class DevUserDirectory {

    private final Path usersFile;
    private final JsonMapper jsonMapper;

    public DevUserDirectory(Path usersFile, JsonMapper jsonMapper) {
        this.usersFile = usersFile;
        this.jsonMapper = jsonMapper;
    }

    /** {@code admin} first, then the file's users in file order. */
    public List<DevUser> all() {
        List<DevUser> users = new ArrayList<>();
        users.add(DevUser.ADMIN);
        users.addAll(readFile());
        Set<String> seen = new HashSet<>();
        for (DevUser user : users) {
            if (!seen.add(user.username())) {
                throw new InvalidUsersFileException(usersFile, "tên đăng nhập bị trùng: " + user.username());
            }
        }
        return users;
    }

    private List<DevUser> readFile() {
        byte[] content;
        try {
            content = Files.readAllBytes(usersFile);
        } catch (NoSuchFileException missing) {
            return List.of();
        } catch (IOException unreadable) {
            throw new InvalidUsersFileException(usersFile, "không đọc được tệp (" + unreadable.getMessage() + ")");
        }
        UsersFile parsed;
        try {
            parsed = jsonMapper.readValue(content, UsersFile.class);
        } catch (JacksonException invalid) {
            throw new InvalidUsersFileException(usersFile, reason(invalid));
        }
        if (parsed == null || parsed.users() == null) {
            throw new InvalidUsersFileException(usersFile, "thiếu mảng \"users\"");
        }
        return parsed.users();
    }

    private static String reason(JacksonException invalid) {
        Throwable cause = invalid;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof IllegalArgumentException rule) {
            return rule.getMessage();
        }
        return "JSON không hợp lệ (" + invalid.getOriginalMessage() + ")";
    }

    /** The users file as written by the local stack's seeder. */
    record UsersFile(List<DevUser> users) {}

    /** The users file exists but cannot be used. */
    public static class InvalidUsersFileException extends RuntimeException {

        InvalidUsersFileException(Path file, String reason) {
            super("Tệp người dùng demo " + file + " không hợp lệ: " + reason);
        }
    }
}
