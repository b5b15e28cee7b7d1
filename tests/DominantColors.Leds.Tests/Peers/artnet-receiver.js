// An independent Art-Net node for the tests: the npm package `dmxnet` (margau/dmxnet). It checks the "Art-Net" id and
// the ArtDmx OpCode, reads the port-address as SubUni (byte 14) and Net (byte 15), and hands over every byte after the
// header (it ignores the length field). Usage: node artnet-receiver.js <port> <port-address,...>
// Prints "ready" once bound, then one JSON line per ArtDmx packet on stdout.
'use strict';
const { dmxnet } = require('dmxnet');

const port = Number(process.argv[2]);
const addresses = process.argv[3].split(',').map(Number);
const node = new dmxnet({ listen: port, log: { level: 'error' } });
const print = (o) => process.stdout.write(JSON.stringify(o) + '\n');

for (const address of addresses) {
  const receiver = node.newReceiver({ net: address >> 8, subnet: (address >> 4) & 0x0f, universe: address & 0x0f });
  receiver.on('data', (data) => print({ address, data: Buffer.from(data).toString('hex') }));
}

// dmxnet binds its listener without a callback; the socket reports when it is bound.
node.listener4.on('listening', () => print({ ready: true }));
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
