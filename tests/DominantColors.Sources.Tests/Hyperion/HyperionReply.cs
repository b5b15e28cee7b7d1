using Google.FlatBuffers;

namespace DominantColors.Sources.Tests.Hyperion;

/// <summary>A Reply (hyperion_reply.fbs: error, video = -1, registered = -1), read the way generated accessors read it.</summary>
public sealed record HyperionReply(string? Error, int Video, int Registered)
{
    public static HyperionReply Parse(byte[] body)
    {
        var buffer = new ByteBuffer(body);
        var verifier = new Verifier(buffer);
        Assert.True(
            verifier.VerifyBuffer(null, false, static (v, t) => v.VerifyTableStart(t) && v.VerifyString(t, 4, false)
                && v.VerifyField(t, 6, 4, 4, false) && v.VerifyField(t, 8, 4, 4, false) && v.VerifyTableEnd(t)),
            "the reply is not a valid Reply buffer");
        var root = buffer.GetInt(0);
        var table = new Table(root, buffer);
        var error = table.__offset(4) is var e and not 0 ? table.__string(root + e) : null;
        var video = table.__offset(6) is var v and not 0 ? buffer.GetInt(root + v) : -1;
        var registered = table.__offset(8) is var r and not 0 ? buffer.GetInt(root + r) : -1;
        return new HyperionReply(error, video, registered);
    }
}
