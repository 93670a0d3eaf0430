#!/usr/bin/env python3
"""Writes a capture as a lab trace looks: the GTPv2-C packets of a libpcap file (link type 101, raw IPv4, as
`./srvcc simulate --pcap` writes them) re-framed as pcapng over Ethernet with an 802.1Q tag, with other
traffic around them: GTPv2 Echo Request/Response, a Create Session Request, DNS, and an IPv6 GTP-C Echo; the
Forward Relocation Response gains a grouped Bearer Context IE, so nested IEs are compared too.
Usage: tools/mixed-capture.py IN.pcap OUT.pcapng
Written from the pcap and pcapng file formats alone; it shares no code with the tool it feeds."""
import struct, sys

def read_pcap(path):
    b = open(path, 'rb').read()
    magic = struct.unpack('<I', b[:4])[0]
    e = '<' if magic in (0xa1b2c3d4, 0xa1b23c4d) else '>'
    assert struct.unpack(e + 'I', b[20:24])[0] == 101, 'raw IP captures only'
    at, out = 24, []
    while at < len(b):
        sec, frac, incl, orig = struct.unpack(e + 'IIII', b[at:at + 16])
        out.append((sec * 1_000_000 + frac, b[at + 16:at + 16 + incl]))
        at += 16 + incl
    return out

def csum(b):
    if len(b) % 2: b += b'\0'
    s = sum(struct.unpack('>%dH' % (len(b) // 2), b))
    while s >> 16: s = (s & 0xffff) + (s >> 16)
    return ~s & 0xffff

def ipv4_udp(src, dst, sport, dport, payload):
    udp = struct.pack('>HHHH', sport, dport, 8 + len(payload), 0) + payload
    hdr = struct.pack('>BBHHHBBH4s4s', 0x45, 0, 20 + len(udp), 1, 0x4000, 64, 17, 0, bytes(src), bytes(dst))
    return hdr[:10] + struct.pack('>H', csum(hdr)) + hdr[12:] + udp

def ipv6_udp(src, dst, sport, dport, payload):
    udp = struct.pack('>HHHH', sport, dport, 8 + len(payload), 0) + payload
    return struct.pack('>IHBB16s16s', 0x60000000, len(udp), 17, 64, bytes(src), bytes(dst)) + udp

def with_bearer_context(ip):
    """A Forward Relocation Response gains a Bearer Context (grouped IE 93) holding an EBI (73): nested IEs."""
    ihl = (ip[0] & 0x0f) * 4
    src, dst, sport, dport = ip[12:16], ip[16:20], *struct.unpack('>HH', ip[ihl:ihl + 4])
    gtp = bytearray(ip[ihl + 8:])
    if gtp[1] != 134:
        return ip
    ebi = bytes([73, 0, 1, 0, 5])
    gtp += bytes([93]) + struct.pack('>H', len(ebi)) + b'\0' + ebi
    struct.pack_into('>H', gtp, 2, len(gtp) - 4)
    return ipv4_udp(src, dst, sport, dport, bytes(gtp))

def vlan_ether(ip, vid=100):
    ethertype = 0x86dd if ip[0] >> 4 == 6 else 0x0800
    return bytes(6) + bytes([2, 0, 0, 0, 0, 1]) + struct.pack('>HHH', 0x8100, vid, ethertype) + ip

def block(kind, body):
    body += bytes(-len(body) % 4)
    return struct.pack('<II', kind, 12 + len(body)) + body + struct.pack('<I', 12 + len(body))

def main(src, dst):
    packets = [(ts + 10_000_000, with_bearer_context(ip)) for ts, ip in read_pcap(src)]   # 10 s in, so the traffic before it has a time
    amf, mme = [192, 0, 2, 10], [192, 0, 2, 20]
    echo_req = bytes.fromhex('40010009000001000300010005')            # GTPv2 Echo Request, Recovery 5
    echo_rsp = bytes.fromhex('40020009000001000300010007')            # Echo Response, Recovery 7
    create = bytes.fromhex('48200014' '00000000' '000002' '00' '01000800' '00f1100000000010')  # Create Session Request, IMSI
    dns = bytes.fromhex('abcd01000001000000000000076578616d706c6503636f6d0000010001')
    t0 = packets[0][0]
    extra_before = [(t0 - 3000, ipv4_udp(amf, mme, 2123, 2123, echo_req)), (t0 - 2000, ipv4_udp(mme, amf, 2123, 2123, echo_rsp)),
                    (t0 - 1000, ipv4_udp(amf, [192, 0, 2, 53], 40000, 53, dns))]
    middle = [(packets[0][0] + 500, ipv4_udp(mme, [192, 0, 2, 40], 2123, 2123, create)),
              (packets[0][0] + 600, ipv6_udp(bytes.fromhex('20010db8' + '0' * 23 + '1'), bytes.fromhex('20010db8' + '0' * 23 + '2'), 2123, 2123, echo_req))]
    frames = extra_before + packets[:1] + middle + packets[1:]
    out = block(0x0A0D0D0A, struct.pack('<IHHq', 0x1A2B3C4D, 1, 0, -1))
    out += block(1, struct.pack('<HHI', 1, 0, 65535))                 # interface 0: Ethernet, microseconds
    for ts, ip in frames:
        data = vlan_ether(ip)
        out += block(6, struct.pack('<IIIII', 0, ts >> 32, ts & 0xffffffff, len(data), len(data)) + data)
    open(dst, 'wb').write(out)

if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
