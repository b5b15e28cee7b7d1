// An independent E1.31 receiver for the tests: the npm package `sacn` (k-yle/sACN), whose Packet class asserts every
// fixed field of the root, framing and DMP layers and whose Receiver reports packets more than 20 sequence numbers out
// of order per source and universe. Usage: node sacn-receiver.js <port> <universe,...> [multicast]
// It joins each universe's multicast group 239.255.<hi>.<lo>; with "multicast" a group it cannot join is an error.
// Prints "ready" once bound, then one JSON line per packet or per error, on stdout.
'use strict';
const { Receiver } = require('sacn');

const port = Number(process.argv[2]);
const universes = process.argv[3].split(',').map(Number);
const multicast = process.argv[4] === 'multicast';
const receiver = new Receiver({ universes, port });
const print = (o) => process.stdout.write(JSON.stringify(o) + '\n');

receiver.socket.on('listening', () => print({ ready: true }));
receiver.on('packet', (p) => print({
  universe: p.universe,
  sequence: p.sequence,
  options: p.options,
  priority: p.priority,
  sourceName: p.sourceName,
  cid: p.cid.toString('hex'),
  slots: p.propertyValueCount - 1,
  data: p.payloadAsBuffer.toString('hex'),
}));
// Joining the multicast groups fails where there is no multicast route; unicast still arrives, so that is an error
// only when the test listens for multicast.
receiver.on('error', (e) => {
  if (multicast || !/addMembership/.test(String(e))) print({ error: multicast ? `${e} (no multicast route?)` : String(e) });
});
receiver.on('PacketCorruption', (e) => print({ error: 'corrupt: ' + e.message }));
receiver.on('PacketOutOfOrder', (e) => print({ error: 'out of order: ' + e.message }));
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
