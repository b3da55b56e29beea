package io.gaplens.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * The local stack's token issuer: generates an RSA key pair at first start and signs RS256 bearer
 * tokens that the services verify with the public key. Production deployments point quarkus-oidc
 * at a real OIDC provider instead.
 *
 * <p>Usage: {@code LocalTokens keygen DIRECTORY} or
 * {@code LocalTokens token DIRECTORY ISSUER TENANT ROLES [USER] [HOURS]}, where ROLES is comma-separated.
 */
public final class LocalTokens {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private LocalTokens() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("keygen")) {
            generateKeys(Path.of(args[1]));
        } else if (args.length >= 5 && args[0].equals("token")) {
            String user = args.length > 5 ? args[5] : "local-user";
            long hours = args.length > 6 ? Long.parseLong(args[6]) : 8;
            System.out.println(sign(Path.of(args[1]), args[2], args[3], List.of(args[4].split(",")), user, hours));
        } else {
            System.err.println("usage: LocalTokens keygen DIRECTORY | token DIRECTORY ISSUER TENANT ROLES [USER] [HOURS]");
            System.exit(2);
        }
    }

    /** Writes private-key.der and public-key.b64 (base64 SubjectPublicKeyInfo) unless they exist. */
    public static void generateKeys(Path directory) throws IOException, GeneralSecurityException {
        Path privateKey = directory.resolve("private-key.der");
        if (Files.exists(privateKey)) {
            return;
        }
        Files.createDirectories(directory);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Files.write(privateKey, pair.getPrivate().getEncoded());
        try {
            Files.setPosixFilePermissions(privateKey, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the directory's own permissions protect the key.
        }
        Files.writeString(directory.resolve("public-key.b64"),
                Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
    }

    public static String sign(Path directory, String issuer, String tenant, List<String> roles, String user, long hours)
            throws IOException, GeneralSecurityException {
        PrivateKey key = KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(directory.resolve("private-key.der"))));
        long now = Instant.now().getEpochSecond();

        List<String> quotedRoles = new ArrayList<>();
        for (String role : roles) {
            if (!role.isBlank()) {
                quotedRoles.add(json(role.trim()));
            }
        }
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String claims = "{"
                + "\"iss\":" + json(issuer)
                + ",\"sub\":" + json(user)
                + ",\"upn\":" + json(user)
                + ",\"tenant\":" + json(tenant)
                + ",\"groups\":[" + String.join(",", quotedRoles) + "]"
                + ",\"iat\":" + now
                + ",\"exp\":" + (now + hours * 3600)
                + ",\"jti\":" + json(UUID.randomUUID().toString())
                + "}";
        String signingInput = encode(header) + "." + encode(claims);

        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key);
        signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + BASE64URL.encodeToString(signature.sign());
    }

    private static String encode(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String json(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
