package org.ctemcycles.core.scope;

import org.junit.Test;

import java.util.Optional;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

public class IpAddressTest {

    private static String canonical(String text) {
        return IpAddress.parse(text).map(IpAddress::toString).orElse("not an IP");
    }

    @Test
    public void ipv4LiteralsAreReadWithoutNameLookup() {
        assertEquals("10.0.0.7", canonical(" 10.0.0.7 "));
        assertEquals("255.255.255.255", canonical("255.255.255.255"));
        assertEquals("not an IP", canonical("256.1.1.1"));
        assertEquals("not an IP", canonical("10.0.0"));
        assertEquals("not an IP", canonical("10.0.0.7.1"));
        assertEquals("leading zeros are ambiguous (octal in some stacks)", "not an IP", canonical("010.0.0.7"));
        assertEquals("not an IP", canonical("web01.example.com"));
        assertEquals("not an IP", canonical("localhost"));
        assertEquals("not an IP", canonical(""));
    }

    @Test
    public void ipv6LiteralsAreWrittenAsRfc5952() {
        assertEquals("2001:db8::1", canonical("2001:0DB8:0000:0000:0000:0000:0000:0001"));
        assertEquals("2001:db8::1", canonical("[2001:db8::1]"));
        assertEquals("::1", canonical("::1"));
        assertEquals("::", canonical("::"));
        assertEquals("fe80::1", canonical("fe80::1%eth0"));
        assertEquals("only a run of two or more zero groups is compressed",
                "2001:db8:0:1:1:1:1:1", canonical("2001:db8:0:1:1:1:1:1"));
        assertEquals("the longest run is compressed", "2001:0:0:1::1", canonical("2001:0:0:1:0:0:0:1"));
        assertEquals("::ffff:10.0.0.7 is the IPv4 host", "10.0.0.7", canonical("::ffff:10.0.0.7"));
        assertEquals("64:ff9b::a00:7", canonical("64:ff9b::10.0.0.7"));
        assertEquals("not an IP", canonical("2001:db8::1::2"));
        assertEquals("not an IP", canonical("2001:db8:1:2:3:4:5:6:7"));
        assertEquals("not an IP", canonical("2001:db8:g::1"));
        assertEquals("not an IP", canonical("12345::1"));
        assertEquals("not an IP", canonical("1.2.3.4::"));
    }

    @Test
    public void prefixesCompareBitByBit() {
        IpAddress a = IpAddress.parse("10.1.2.3").orElseThrow();
        assertTrue(a.samePrefix(IpAddress.parse("10.1.255.255").orElseThrow(), 16));
        assertFalse(a.samePrefix(IpAddress.parse("10.2.0.0").orElseThrow(), 16));
        assertTrue(a.samePrefix(IpAddress.parse("10.1.2.127").orElseThrow(), 25));
        assertFalse(a.samePrefix(IpAddress.parse("10.1.2.128").orElseThrow(), 25));
        assertFalse("families never match", a.samePrefix(IpAddress.parse("::a01:203").orElseThrow(), 0));
        assertEquals("10.1.0.0", a.network(16).toString());
        assertEquals(Optional.of(a), IpAddress.parse("10.1.2.3"));
    }
}
