package vn.partycell.gateway.dev;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dev issuer's RSA 2048 key pair, kept as a JWK (with its private part) in a file so that
 * tokens stay valid across restarts. The key id is the key's RFC 7638 thumbprint.
 */
public final class DevSigningKey {

    private static final Logger log = LoggerFactory.getLogger(DevSigningKey.class);

    private static final int KEY_SIZE = 2048;

    private final RSAKey key;

    private DevSigningKey(RSAKey key) {
        this.key = key;
    }

    /** Loads the key pair from the file, or creates one and saves it there. */
    public static DevSigningKey loadOrCreate(Path file) {
        if (Files.exists(file)) {
            DevSigningKey loaded = new DevSigningKey(read(file));
            log.info("Dev issuer: key {} loaded from {}", loaded.keyId(), file);
            return loaded;
        }
        DevSigningKey created = new DevSigningKey(generate());
        write(file, created.key);
        log.info("Dev issuer: new key {} saved to {}", created.keyId(), file);
        return created;
    }

    /** The key pair, for signing. */
    public RSAKey privateKey() {
        return key;
    }

    public String keyId() {
        return key.getKeyID();
    }

    /** The JWK set with the public key only, as served on /dev/jwks. */
    public JWKSet publicJwkSet() {
        return new JWKSet(key.toPublicJWK());
    }

    private static RSAKey read(Path file) {
        try {
            RSAKey parsed = RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
            if (!parsed.isPrivate()) {
                throw new IllegalStateException("Dev issuer key file " + file + " has no private key");
            }
            if (parsed.size() < KEY_SIZE) {
                throw new IllegalStateException("Dev issuer key in " + file + " is shorter than " + KEY_SIZE + " bits");
            }
            if (parsed.getKeyID() == null) {
                parsed = new RSAKey.Builder(parsed).keyIDFromThumbprint().build();
            }
            return parsed;
        } catch (IOException | ParseException | JOSEException unusable) {
            throw new IllegalStateException(
                    "Dev issuer key file " + file + " cannot be read; delete it to create a new key", unusable);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(KEY_SIZE)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint(true)
                    .generate();
        } catch (JOSEException failure) {
            throw new IllegalStateException("Cannot generate the dev issuer's RSA key", failure);
        }
    }

    /** Writes to a temporary file beside the target, readable by the owner only, then moves it in place. */
    private static void write(Path file, RSAKey key) {
        Path target = file.toAbsolutePath();
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), ".dev-issuer-key", ".tmp");
            try {
                if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                    Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
                }
                Files.writeString(temporary, key.toJSONString(), StandardCharsets.UTF_8);
                try {
                    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException notAtomic) {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException failure) {
            throw new IllegalStateException("Cannot save the dev issuer key to " + file, failure);
        }
    }
}
