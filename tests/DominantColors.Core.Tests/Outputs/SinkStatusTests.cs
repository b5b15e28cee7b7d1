using DominantColors.Outputs;

namespace DominantColors.Core.Tests.Outputs;

public sealed class SinkStatusTests
{
    [Fact]
    public void New_BeforeAnyReport_IsNotConnectedAndCountsNothing()
    {
        var status = new SinkStatus();

        Assert.False(status.Connected);
        Assert.Null(status.LastError);
        Assert.Equal(0, status.Faults);
        Assert.Equal(0, status.Reconnects);
        Assert.Equal(0, status.Sent);
    }

    [Fact]
    public void ReportConnected_FirstTimeAndRepeated_CountsNoReconnect()
    {
        var status = new SinkStatus();

        status.ReportConnected();
        status.ReportConnected();

        Assert.True(status.Connected);
        Assert.Equal(0, status.Reconnects);
    }

    [Fact]
    public void ReportConnected_AfterFaults_CountsOneReconnectPerRecovery()
    {
        var status = new SinkStatus();
        status.ReportConnected();

        status.ReportFault("broker 10.0.0.2:1883 refused the connection");
        status.ReportFault("broker 10.0.0.2:1883 refused the connection");
        status.ReportConnected();
        status.ReportFault("connection lost");
        status.ReportConnected();

        Assert.True(status.Connected);
        Assert.Equal(3, status.Faults);
        Assert.Equal(2, status.Reconnects);
        Assert.Equal("connection lost", status.LastError);
    }

    [Fact]
    public void ReportConnected_AfterFaultsBeforeFirstConnection_CountsNoReconnect()
    {
        var status = new SinkStatus();

        status.ReportFault("bridge 192.168.1.20 did not answer");
        status.ReportConnected();

        Assert.True(status.Connected);
        Assert.Equal(1, status.Faults);
        Assert.Equal(0, status.Reconnects);
        Assert.Equal("bridge 192.168.1.20 did not answer", status.LastError);
    }

    [Fact]
    public void ReportRefused_WhileConnected_CountsAFaultAndStaysConnected()
    {
        var status = new SinkStatus();
        status.ReportConnected();

        status.ReportRefused("429 Too Many Requests");
        status.ReportConnected();

        Assert.True(status.Connected);
        Assert.Equal(1, status.Faults);
        Assert.Equal(0, status.Reconnects);
        Assert.Equal("429 Too Many Requests", status.LastError);
    }

    [Fact]
    public void ReportWaiting_WhileConnected_IsNotConnectedNorAFault()
    {
        var status = new SinkStatus();
        status.ReportConnected();

        status.ReportWaiting("entertainment area 'TV' is in use by application 5c1e");

        Assert.False(status.Connected);
        Assert.Equal("entertainment area 'TV' is in use by application 5c1e", status.Waiting);
        Assert.Equal(0, status.Faults);
        Assert.Null(status.LastError);
    }

    [Fact]
    public void ReportConnected_AfterWaiting_ClearsWaitingAndCountsAReconnect()
    {
        var status = new SinkStatus();
        status.ReportConnected();
        status.ReportWaiting("in use by another application");

        status.ReportConnected();

        Assert.True(status.Connected);
        Assert.Null(status.Waiting);
        Assert.Equal(1, status.Reconnects);
    }

    [Fact]
    public void ReportFault_WhileWaiting_ClearsWaiting()
    {
        var status = new SinkStatus();
        status.ReportWaiting("in use by another application");

        status.ReportFault("bridge 192.168.1.20 did not answer");

        Assert.Null(status.Waiting);
        Assert.Equal(1, status.Faults);
    }

    [Fact]
    public void ReportSent_FromManyThreads_CountsEveryUpdate()
    {
        var status = new SinkStatus();

        Parallel.For(0, 4, _ =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                status.ReportSent();
            }
        });

        Assert.Equal(40_000, status.Sent);
    }

    [Fact]
    public void ReportFault_WithoutReason_Throws()
    {
        var status = new SinkStatus();

        Assert.Throws<ArgumentException>(() => status.ReportFault(""));
    }
}
