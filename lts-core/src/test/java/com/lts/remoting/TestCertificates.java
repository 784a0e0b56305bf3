package com.lts.remoting;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * Makes CAs and certificates for TLS tests at test time, in memory and in a few milliseconds: EC
 * P-256 keys from the JDK, X.509 v3 certificates written in DER here (the JDK has no public API to
 * issue one, and no certificate library is a dependency). Files are PEM, as the {@code
 * lts.remoting.tls.*} keys take them.
 */
public final class TestCertificates {

  private static final SecureRandom RANDOM = new SecureRandom();

  /** A key and its certificate, and the PEM files written for them. */
  public record Issued(
      String name, KeyPair keys, X509Certificate certificate, Path certFile, Path keyFile) {}

  private TestCertificates() {}

  /** A self-signed CA named {@code name}, written to {@code dir}. */
  public static Issued ca(Path dir, String name) throws Exception {
    KeyPair keys = keyPair();
    byte[] extensions =
        seq(
            extension("2.5.29.19", true, seq(bool(true))), // basicConstraints: CA
            extension("2.5.29.15", true, tlv(0x03, new byte[] {1, 0x06}))); // keyCertSign, cRLSign
    X509Certificate cert = sign(name, keys, name, keys.getPrivate(), extensions);
    return write(dir, name, keys, cert);
  }

  /**
   * A certificate for {@code name}, issued by {@code ca}, valid for TLS servers and clients, with
   * 127.0.0.1 and localhost as subject alternative names.
   */
  public static Issued issue(Path dir, Issued ca, String name) throws Exception {
    KeyPair keys = keyPair();
    byte[] san =
        seq(
            tlv(0x87, InetAddress.getByName("127.0.0.1").getAddress()),
            tlv(0x82, "localhost".getBytes(StandardCharsets.US_ASCII)));
    byte[] extensions =
        seq(
            extension("2.5.29.19", true, seq()),
            extension("2.5.29.15", true, tlv(0x03, new byte[] {7, (byte) 0x80})), // digitalSig
            extension("2.5.29.37", false, seq(oid("1.3.6.1.5.5.7.3.1"), oid("1.3.6.1.5.5.7.3.2"))),
            extension("2.5.29.17", false, san));
    X509Certificate cert = sign(name, keys, ca.name(), ca.keys().getPrivate(), extensions);
    return write(dir, name, keys, cert);
  }

  private static KeyPair keyPair() throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
    return g.generateKeyPair();
  }

  private static X509Certificate sign(
      String subject, KeyPair subjectKeys, String issuer, PrivateKey issuerKey, byte[] extensions)
      throws Exception {
    byte[] algorithm = seq(oid("1.2.840.10045.4.3.2")); // ecdsa-with-SHA256
    ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
    byte[] tbs =
        seq(
            tlv(0xA0, integer(BigInteger.TWO)), // v3
            integer(new BigInteger(64, RANDOM).add(BigInteger.ONE)),
            algorithm,
            name(issuer),
            seq(time(now.minusHours(1)), time(now.plusDays(2))),
            name(subject),
            subjectKeys.getPublic().getEncoded(), // SubjectPublicKeyInfo, DER already
            tlv(0xA3, extensions));
    Signature signer = Signature.getInstance("SHA256withECDSA");
    signer.initSign(issuerKey);
    signer.update(tbs);
    byte[] der = seq(tbs, algorithm, bitString(signer.sign()));
    return (X509Certificate)
        CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
  }

  private static Issued write(Path dir, String name, KeyPair keys, X509Certificate cert)
      throws Exception {
    Path certFile = dir.resolve(name + ".crt.pem");
    Path keyFile = dir.resolve(name + ".key.pem");
    Files.writeString(certFile, pem("CERTIFICATE", cert.getEncoded()));
    Files.writeString(keyFile, pem("PRIVATE KEY", keys.getPrivate().getEncoded())); // PKCS#8
    return new Issued(name, keys, cert, certFile, keyFile);
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  // ---- DER

  private static byte[] name(String commonName) {
    return seq(
        tlv(0x31, seq(oid("2.5.4.3"), tlv(0x0C, commonName.getBytes(StandardCharsets.UTF_8)))));
  }

  private static byte[] extension(String oid, boolean critical, byte[] value) {
    return critical ? seq(oid(oid), bool(true), tlv(0x04, value)) : seq(oid(oid), tlv(0x04, value));
  }

  private static byte[] time(ZonedDateTime t) {
    String text = t.format(DateTimeFormatter.ofPattern("yyMMddHHmmss")) + "Z";
    return tlv(0x17, text.getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] bool(boolean value) {
    return tlv(0x01, new byte[] {(byte) (value ? 0xFF : 0)});
  }

  private static byte[] integer(BigInteger value) {
    return tlv(0x02, value.toByteArray());
  }

  private static byte[] bitString(byte[] bytes) {
    byte[] content = new byte[bytes.length + 1];
    System.arraycopy(bytes, 0, content, 1, bytes.length);
    return tlv(0x03, content);
  }

  private static byte[] oid(String dotted) {
    String[] parts = dotted.split("\\.");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(Integer.parseInt(parts[0]) * 40 + Integer.parseInt(parts[1]));
    for (int i = 2; i < parts.length; i++) {
      long arc = Long.parseLong(parts[i]);
      int groups = Math.max(1, (64 - Long.numberOfLeadingZeros(arc) + 6) / 7);
      for (int g = groups - 1; g >= 0; g--) {
        int b = (int) ((arc >> (7 * g)) & 0x7F);
        out.write(g == 0 ? b : b | 0x80);
      }
    }
    return tlv(0x06, out.toByteArray());
  }

  private static byte[] seq(byte[]... parts) {
    return tlv(0x30, concat(parts));
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  private static byte[] tlv(int tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int n = content.length;
    if (n < 0x80) {
      out.write(n);
    } else {
      int bytes = (32 - Integer.numberOfLeadingZeros(n) + 7) / 8;
      out.write(0x80 | bytes);
      for (int i = bytes - 1; i >= 0; i--) {
        out.write((n >> (8 * i)) & 0xFF);
      }
    }
    out.writeBytes(content);
    return out.toByteArray();
  }
}
