using Xunit;

namespace GpuKMeans.Tests.StaticLane;

/// <summary>The static lane's readers of ptxas and cuobjdump output, and its occupancy formula, on fixed inputs.</summary>
public sealed class StaticLaneParserTests
{
    [Fact]
    public void Ptxas_log_yields_registers_shared_memory_stack_and_spills()
    {
        const string log = """
            ptxas info    : 0 bytes gmem
            ptxas info    : Function properties for helper
                8 bytes stack frame, 4 bytes spill stores, 4 bytes spill loads
            ptxas info    : Compiling entry function 'Kernel_Run' for 'sm_90'
            ptxas info    : Function properties for Kernel_Run
                16 bytes stack frame, 0 bytes spill stores, 0 bytes spill loads
            ptxas info    : Used 40 registers, 8192 bytes smem, 464 bytes cmem[0]
            """;
        var info = PtxasInfo.Parse("sm_90", log);
        Assert.Equal(new PtxasInfo("sm_90", 40, 8192, 16, 4, 4), info);
        Assert.True(info!.Spills);
        Assert.Null(PtxasInfo.Parse("sm_90", "ptxas fatal   : Unresolved extern function 'x'"));
    }

    [Fact]
    public void Hot_loop_is_the_innermost_backward_branch_with_most_ffma()
    {
        const string sass = """
                    /*0000*/                   MOV R1, c[0x0][0x28] ;   /* 0x0 */
                    /*0010*/                   FFMA R2, R3, R4, R2 ;    /* 0x0 */
                    /*0020*/                   LDS.U.128 R4, [R0] ;     /* 0x0 */
                    /*0030*/                   LDS R5, [R0+0x10] ;      /* 0x0 */
                    /*0040*/                   LDG.E.128 R8, [R6.64] ;  /* 0x0 */
                    /*0050*/                   FFMA R2, R5, R8, R2 ;    /* 0x0 */
                    /*0060*/               @!P0 BRA 0x10 ;              /* 0x0 */
                    /*0070*/                   LDG.E R9, [R6.64] ;      /* 0x0 */
                    /*0080*/                   LD.E R9, [R6.64] ;       /* 0x0 */
                    /*0090*/                   FFMA R2, R9, R9, R2 ;    /* 0x0 */
                    /*00a0*/                @P1 BRA 0x0 ;               /* 0x0 */
                    /*00b0*/                   EXIT ;                   /* 0x0 */
                    /*00c0*/                   BRA 0xc0;                /* 0x0 */
            """;
        var loop = SassLoopMix.FindHotLoop(sass);
        Assert.Equal(new SassLoopMix(0x10, 0x60, 6, Ffma: 2, Lds: 1, Lds128: 1, Ldg: 0, Ldg128: 1, Ld: 0), loop);
        Assert.Equal(1, loop!.Other);
        Assert.Equal(2.0 / 6, loop.FfmaShare, 6);
        Assert.Null(SassLoopMix.FindHotLoop("        /*0000*/                   EXIT ;  /* 0x0 */"));
    }

    [Theory]
    [InlineData(32, 0, 256, 8, 64, "warps")]
    [InlineData(64, 0, 256, 4, 32, "registers")]
    [InlineData(128, 0, 256, 2, 16, "registers")]
    [InlineData(32, 48 * 1024, 256, 4, 32, "shared memory")]
    [InlineData(16, 0, 32, 32, 32, "blocks")]
    public void Sm90_occupancy_follows_the_occupancy_calculator(
        int registers, int shared, int block, int blocks, int warps, string limiter)
    {
        Assert.Equal(new Sm90Occupancy(block, blocks, warps, limiter), Sm90Occupancy.Compute(registers, shared, block));
    }
}
