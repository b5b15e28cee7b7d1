using System.Buffers.Binary;
using System.Net.Sockets;
using System.Security.Cryptography;
using Org.BouncyCastle.Tls;

namespace DominantColors.Hue.Streaming;

/// <summary>
/// Seals application-data records for an established DTLS 1.2 session with TLS_PSK_WITH_AES_128_GCM_SHA256
/// (RFC 5288/6347) without allocating: BouncyCastle's record layer allocates about a kilobyte per record, which at
/// 50 Hz is steady garbage. The handshake stays with BouncyCastle; this derives the client write key and salt from
/// its master secret (the TLS 1.2 key expansion) and continues the epoch-1 sequence after its Finished record.
/// </summary>
internal sealed class DtlsRecordSealer : IDisposable
{
    private const int HeaderLength = 13;
    private const int ExplicitNonceLength = 8;
    private const int TagLength = 16;
    private const ushort Epoch = 1;
    private readonly AesGcm _aes;
    private readonly byte[] _salt;
    private readonly byte[] _record;
    private readonly Socket _socket;
    private ulong _sequence;

    /// <param name="cipherSuite">The negotiated suite; only TLS_PSK_WITH_AES_128_GCM_SHA256 is sealed here.</param>
    /// <param name="keyBlock">client_write_key[16] server_write_key[16] client_write_IV[4] server_write_IV[4]; zeroed here.</param>
    /// <param name="socket">The connected UDP socket.</param>
    /// <param name="maxPlaintext">The largest datagram that will be sealed.</param>
    public DtlsRecordSealer(int cipherSuite, byte[] keyBlock, Socket socket, int maxPlaintext)
    {
        if (cipherSuite != CipherSuite.TLS_PSK_WITH_AES_128_GCM_SHA256)
        {
            throw new InvalidOperationException($"Negotiated cipher suite 0x{cipherSuite:x4} is not TLS_PSK_WITH_AES_128_GCM_SHA256.");
        }

        _aes = new AesGcm(keyBlock.AsSpan(0, 16), TagLength);
        _salt = keyBlock[32..36];
        CryptographicOperations.ZeroMemory(keyBlock);
        _socket = socket;
        _record = new byte[HeaderLength + ExplicitNonceLength + maxPlaintext + TagLength];
        _sequence = 1; // epoch 1, sequence 0 was the client's Finished
    }

    /// <summary>Encrypts <paramref name="plaintext"/> into one application-data record and sends it.</summary>
    public void Send(ReadOnlySpan<byte> plaintext) => Seal(ContentType.application_data, plaintext);

    /// <summary>
    /// Sends a warning-level close_notify alert in this epoch's sequence. BouncyCastle's own close_notify would carry
    /// a sequence number the peer already saw here (its record layer never counted our records) and be dropped as a
    /// replay, so the bridge would only notice the end after its 10 s timeout.
    /// </summary>
    public void SendCloseNotify()
    {
        ReadOnlySpan<byte> alert = [(byte)AlertLevel.warning, (byte)AlertDescription.close_notify];
        Seal(ContentType.alert, alert);
    }

    private void Seal(short contentType, ReadOnlySpan<byte> plaintext)
    {
        var sequence = _sequence++;
        var record = _record.AsSpan(0, HeaderLength + ExplicitNonceLength + plaintext.Length + TagLength);
        record[0] = (byte)contentType;
        record[1] = 0xFE; // DTLS 1.2
        record[2] = 0xFD;
        BinaryPrimitives.WriteUInt64BigEndian(record[3..], ((ulong)Epoch << 48) | sequence); // epoch(2) + sequence(6)
        BinaryPrimitives.WriteUInt16BigEndian(record[11..], (ushort)(ExplicitNonceLength + plaintext.Length + TagLength));
        record.Slice(3, 8).CopyTo(record.Slice(HeaderLength, ExplicitNonceLength)); // explicit nonce = epoch + sequence

        Span<byte> nonce = stackalloc byte[12];
        _salt.CopyTo(nonce);
        record.Slice(3, 8).CopyTo(nonce[4..]);
        Span<byte> associated = stackalloc byte[13]; // epoch + sequence, type, version, plaintext length
        record[3..11].CopyTo(associated);
        record[..3].CopyTo(associated[8..]);
        BinaryPrimitives.WriteUInt16BigEndian(associated[11..], (ushort)plaintext.Length);

        var body = record[(HeaderLength + ExplicitNonceLength)..];
        _aes.Encrypt(nonce, plaintext, body[..plaintext.Length], body.Slice(plaintext.Length, TagLength), associated);
        _socket.Send(record);
    }

    public void Dispose() => _aes.Dispose();
}
