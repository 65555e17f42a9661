package dev.ddbmodel.adapter.mcp;

import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityValidator;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who may talk to the streamable HTTP endpoint: the Origin and Host header values accepted
 * (checked with the MCP SDK's transport security validator; loopback names by default, against
 * DNS rebinding) and, optionally, the bearer token every request must carry.
 *
 * @param allowedOrigins Origin values accepted ({@code scheme://host:*} allows any port); a request
 *     without Origin (not a browser) passes
 * @param allowedHosts Host header values accepted ({@code host:*} allows any port)
 * @param bearerToken when present, every request needs {@code Authorization: Bearer <token>}
 */
public record HttpSecurity(List<String> allowedOrigins, List<String> allowedHosts, Optional<String> bearerToken) {
  private static final List<String> LOOPBACK_NAMES = List.of("localhost", "127.0.0.1", "[::1]");

  public HttpSecurity {
    allowedOrigins = List.copyOf(allowedOrigins);
    allowedHosts = List.copyOf(allowedHosts);
    bearerToken = bearerToken.filter(t -> !t.isEmpty());
  }

  /** Loopback only, no token: what a local client needs and nothing more. */
  public static HttpSecurity loopback() {
    return forBind("127.0.0.1", List.of(), List.of(), Optional.empty());
  }

  /**
   * The defaults for a server bound to {@code bindHost} (loopback names, the bound address itself,
   * and for a wildcard bind this machine's addresses and name) plus the extra values given.
   */
  public static HttpSecurity forBind(String bindHost, List<String> extraOrigins, List<String> extraHosts, Optional<String> token) {
    Set<String> names = new LinkedHashSet<>(LOOPBACK_NAMES);
    names.add(bracket(bindHost));
    if (isWildcard(bindHost)) {
      names.addAll(localNames());
    }
    Set<String> hosts = new LinkedHashSet<>();
    Set<String> origins = new LinkedHashSet<>();
    for (String n : names) {
      hosts.add(n);
      hosts.add(n + ":*");
      for (String scheme : List.of("http://", "https://")) {
        origins.add(scheme + n);
        origins.add(scheme + n + ":*");
      }
    }
    hosts.addAll(extraHosts);
    origins.addAll(extraOrigins);
    return new HttpSecurity(new ArrayList<>(origins), new ArrayList<>(hosts), token);
  }

  /** The SDK's validator for these Origin and Host lists. */
  public ServerTransportSecurityValidator validator() {
    return DefaultServerTransportSecurityValidator.builder().allowedOrigins(allowedOrigins).allowedHosts(allowedHosts).build();
  }

  /** Constant-time check of an {@code Authorization} header value; true when no token is configured. */
  public boolean authorized(String authorizationHeader) {
    if (bearerToken.isEmpty()) {
      return true;
    }
    String presented = "";
    if (authorizationHeader != null && authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
      presented = authorizationHeader.substring(7).strip();
    }
    // digests have a fixed length, so the comparison time does not depend on where or whether the values differ
    return MessageDigest.isEqual(sha256(presented), sha256(bearerToken.get()));
  }

  /** True for addresses that only this machine can reach (names are resolved). */
  public static boolean isLoopback(String host) throws UnknownHostException {
    for (InetAddress a : InetAddress.getAllByName(unbracket(host))) {
      if (!a.isLoopbackAddress()) {
        return false;
      }
    }
    return true;
  }

  static boolean isWildcard(String host) {
    String h = unbracket(host);
    return h.equals("0.0.0.0") || h.equals("::") || h.equals("0:0:0:0:0:0:0:0") || h.isEmpty();
  }

  private static List<String> localNames() {
    List<String> out = new ArrayList<>();
    try {
      out.add(InetAddress.getLocalHost().getHostName());
    } catch (UnknownHostException e) {
      // no resolvable host name; the addresses below still apply
    }
    try {
      for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        for (InetAddress a : Collections.list(ni.getInetAddresses())) {
          String s = a.getHostAddress();
          int zone = s.indexOf('%');
          out.add(bracket(zone < 0 ? s : s.substring(0, zone)));
        }
      }
    } catch (java.net.SocketException e) {
      // interfaces cannot be listed; loopback names and the host name still apply
    }
    return out;
  }

  private static String bracket(String host) {
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  private static String unbracket(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
