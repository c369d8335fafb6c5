package org.ctemcycles.core.scope;

import org.ctemcycles.core.common.InvalidInputException;
import org.junit.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/** Scope rules of every kind mapping observed assets to surfaces, and their canonical forms. */
public class ScopeTest {

    private static Surface surface(String key, String... rules) {
        return new Surface(key, "CTEM-1", key, SurfaceKind.CUSTOMER_FACING_SYSTEM, null, null, null, null,
                Arrays.stream(rules).map(ScopeRule::parse).toList());
    }

    private static String place(Scope scope, AssetKind kind, String value) {
        return scope.place(new AssetRef(kind, value)).surfaceKey();
    }

    @Test
    public void hostNamePatternsMatchExactNamesAndEverythingBelowAWildcard() {
        Scope scope = new Scope(List.of(surface("SHOP", "host:*.shop.example.com"), surface("WEB", "host:web01.example.com")));
        assertEquals("SHOP", place(scope, AssetKind.HOST, "api.shop.example.com"));
        assertEquals("any depth", "SHOP", place(scope, AssetKind.HOST, "a.b.shop.example.com"));
        assertNull("the wildcard does not match the domain itself", place(scope, AssetKind.HOST, "shop.example.com"));
        assertNull("a suffix is matched on a label boundary", place(scope, AssetKind.HOST, "evilshop.example.com"));
        assertEquals("case and the root dot mean nothing", "WEB", place(scope, AssetKind.HOST, "WEB01.Example.COM."));
        assertEquals("a port written with the host is ignored", "WEB", place(scope, AssetKind.HOST, "web01.example.com:8443"));
        assertEquals("the host of a URL", "SHOP", place(scope, AssetKind.URL, "https://API.shop.example.com/cart?id=1"));
        assertNull(place(scope, AssetKind.HOST, "web02.example.com"));
    }

    @Test
    public void ipRulesMatchAddressesCidrBlocksAndIpHostsOfBothFamilies() {
        Scope scope = new Scope(List.of(surface("DMZ", "ip:203.0.113.0/24", "ip:2001:db8:10::/48"),
                surface("CORE", "ip:10.0.0.0/8"), surface("DB", "ip:10.20.0.0/16")));
        assertEquals("DMZ", place(scope, AssetKind.IP_ADDRESS, "203.0.113.7"));
        assertEquals("a host named by its IP", "DMZ", place(scope, AssetKind.HOST, "203.0.113.200"));
        assertEquals("DMZ", place(scope, AssetKind.IP_ADDRESS, "2001:DB8:10:0::5"));
        assertEquals("DMZ", place(scope, AssetKind.URL, "http://[2001:db8:10::5]:8080/status"));
        assertEquals("CORE", place(scope, AssetKind.IP_ADDRESS, "10.1.2.3"));
        assertEquals("the longer prefix wins", "DB", place(scope, AssetKind.IP_ADDRESS, "10.20.3.4"));
        assertEquals("IPv4-mapped IPv6", "CORE", place(scope, AssetKind.IP_ADDRESS, "::ffff:10.1.2.3"));
        assertNull(place(scope, AssetKind.IP_ADDRESS, "2001:db8:11::1"));
        assertNull(place(scope, AssetKind.IP_ADDRESS, "192.168.1.1"));
        assertNull("a host name is not looked up", place(scope, AssetKind.HOST, "localhost"));
    }

    @Test
    public void urlPrefixesMatchOnPathBoundariesAndBeatHostRules() {
        Scope scope = new Scope(List.of(surface("SHOP", "host:shop.example.com"),
                surface("ADMIN", "url:https://shop.example.com/admin")));
        assertEquals("ADMIN", place(scope, AssetKind.URL, "https://shop.example.com/admin"));
        assertEquals("ADMIN", place(scope, AssetKind.URL, "https://SHOP.example.com:443/admin/users?id=1#top"));
        assertEquals("ADMIN", place(scope, AssetKind.URL, "https://shop.example.com/admin?x=1"));
        assertEquals("not on a boundary", "SHOP", place(scope, AssetKind.URL, "https://shop.example.com/administrator"));
        assertEquals("another scheme is another origin", "SHOP", place(scope, AssetKind.URL, "http://shop.example.com/admin"));
        assertEquals("another port is another origin", "SHOP", place(scope, AssetKind.URL, "https://shop.example.com:8443/admin"));
        assertEquals("credentials are dropped", "ADMIN", place(scope, AssetKind.URL, "https://bob:secret@shop.example.com/admin/"));
    }

    @Test
    public void repositoriesMatchWhicheverWayTheyAreWritten() {
        Scope scope = new Scope(List.of(surface("SHOP", "repo:https://github.com/Acme/Shop.git"),
                surface("ACME", "repo:github.com/acme/*")));
        for (String spelling : List.of("github.com/acme/shop", "https://github.com/acme/shop", "git@github.com:Acme/shop.git",
                "ssh://git@github.com/acme/shop/", "HTTPS://GitHub.com/acme/SHOP")) {
            assertEquals(spelling, "SHOP", place(scope, AssetKind.REPOSITORY, spelling));
        }
        assertEquals("ACME", place(scope, AssetKind.REPOSITORY, "https://github.com/acme/payments"));
        assertNull(place(scope, AssetKind.REPOSITORY, "https://github.com/acmeother/x"));
        assertNull("rules match assets of their own kind", place(scope, AssetKind.HOST, "github.com"));
    }

    @Test
    public void containerImagesMatchAnyTagUnlessTheRuleNamesOne() {
        Scope scope = new Scope(List.of(surface("SHOP", "image:registry.example.com/shop"),
                surface("PINNED", "image:registry.example.com/shop:1.4"), surface("TEAM", "image:registry.example.com/team/*"),
                surface("HUB", "image:nginx")));
        assertEquals("SHOP", place(scope, AssetKind.CONTAINER_IMAGE, "registry.example.com/shop:1.5"));
        assertEquals("SHOP", place(scope, AssetKind.CONTAINER_IMAGE, "registry.example.com/shop@sha256:abc"));
        assertEquals("a tagged rule is more specific", "PINNED", place(scope, AssetKind.CONTAINER_IMAGE, "registry.example.com/shop:1.4"));
        assertEquals("TEAM", place(scope, AssetKind.CONTAINER_IMAGE, "registry.example.com/team/api:2"));
        assertEquals("Docker Hub names are completed", "HUB", place(scope, AssetKind.CONTAINER_IMAGE, "docker.io/library/nginx:1.27"));
        assertEquals("HUB", place(scope, AssetKind.CONTAINER_IMAGE, "index.docker.io/nginx"));
        assertNull(place(scope, AssetKind.CONTAINER_IMAGE, "registry.example.com/other:1"));
    }

    @Test
    public void cloudAccountsMatchBareQualifiedAndArnForms() {
        Scope scope = new Scope(List.of(surface("PROD", "cloud:123456789012"), surface("GCP", "cloud:gcp:acme-prod")));
        assertEquals("PROD", place(scope, AssetKind.CLOUD_ACCOUNT, "aws:123456789012"));
        assertEquals("PROD", place(scope, AssetKind.CLOUD_ACCOUNT, "arn:aws:iam::123456789012:role/deploy"));
        assertEquals("GCP", place(scope, AssetKind.CLOUD_ACCOUNT, "GCP:acme-prod"));
        assertNull("a qualified rule does not match another provider",
                place(new Scope(List.of(surface("X", "cloud:aws:1"))), AssetKind.CLOUD_ACCOUNT, "gcp:1"));
    }

    @Test
    public void unmatchedAssetsStayOutOfScopeWithTheirCanonicalForm() {
        Scope scope = new Scope(List.of(surface("SHOP", "host:shop.example.com")));
        Placement placement = scope.place(new AssetRef(AssetKind.PACKAGE, "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1?type=jar"));
        assertFalse(placement.inScope());
        assertEquals("pkg:maven/org.apache.logging.log4j/log4j-core", placement.asset().key());
        assertEquals("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1?type=jar", placement.asset().value());
        assertFalse(new Scope(List.of()).place(new AssetRef(AssetKind.HOST, "shop.example.com")).inScope());
    }

    @Test
    public void onATieTheSurfaceRegisteredFirstWins() {
        Scope scope = new Scope(List.of(surface("FIRST", "ip:10.0.0.0/8"), surface("SECOND", "ip:10.0.0.0/8")));
        assertEquals("FIRST", place(scope, AssetKind.IP_ADDRESS, "10.9.9.9"));
    }

    @Test
    public void rulesAreStoredInCanonicalForm() {
        assertEquals("host:*.example.com", ScopeRule.parse("HOST:*.Example.COM.").toString());
        assertEquals("ip:10.1.0.0/16", ScopeRule.parse("ip:10.1.2.3/16").toString());
        assertEquals("ip:2001:db8::/32", ScopeRule.parse("ip:2001:0db8::/32").toString());
        assertEquals("url:https://shop.example.com/", ScopeRule.parse("url:HTTPS://Shop.Example.com:443").toString());
        assertEquals("repo:github.com/acme/shop", ScopeRule.parse("repo:git@github.com:acme/shop.git").toString());
        assertEquals("image:docker.io/library/nginx:1.27", ScopeRule.parse("image:nginx:1.27").toString());
        assertEquals("cloud:aws:123456789012", ScopeRule.parse("cloud:arn:aws:iam::123456789012:root").toString());
        assertEquals(ScopeRule.parse("host:a.example.com"), new ScopeRule(ScopeRule.Kind.HOSTNAME, "A.example.com"));
    }

    @Test
    public void badRulesAreRejectedNamingTheRuleAndWhy() {
        assertRejected("web01", "does not start with a rule kind: write KIND:PATTERN with KIND one of host, ip, url, repo, image, cloud");
        assertRejected("dns:web01", "does not start with a rule kind");
        assertRejected("host:", "'host:': the pattern is empty");
        assertRejected("host:10.0.0.1", "an IP address: use ip:10.0.0.1");
        assertRejected("host:web_01..example", "not a host name");
        assertRejected("host:*", "not a host name");
        assertRejected("ip:10.0.0.0/33", "the prefix length '33' must be 0 to 32");
        assertRejected("ip:2001:db8::/129", "must be 0 to 128");
        assertRejected("ip:10.0.0.0/x", "the prefix length 'x'");
        assertRejected("ip:10.0.0.300", "not an IPv4 or IPv6 address or CIDR block");
        assertRejected("url:shop.example.com/admin", "not a URL");
        assertRejected("repo:shop", "not a repository");
        assertRejected("image:reg/*/x", "not an image reference");
        assertRejected("cloud:*", "not a cloud account");
        assertRejected("host:" + "a".repeat(451), "at most 450 are allowed");
    }

    private static void assertRejected(String rule, String expected) {
        try {
            ScopeRule.parse(rule);
            fail(rule + " should be rejected");
        } catch (InvalidInputException e) {
            assertEquals("rule", e.problems().get(0).field());
            assertTrue(e.getMessage(), e.getMessage().contains(expected));
        }
    }
}
