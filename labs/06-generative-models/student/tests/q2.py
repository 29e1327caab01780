from otter.test_files import test_case

OK_FORMAT = False

name = "q2"
points = 2
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_reparameterize_gradients(reparameterize, env):
    """The gradient of the sample with respect to mu and logvar, by autograd, for a (4, 3) batch in float64."""
    import torch
    from utils.remote import kernel_import
    vjp = kernel_import(env, 'torch.autograd.functional', 'vjp')
    g = torch.Generator().manual_seed(611)
    mu, logvar = (torch.randn(4, 3, generator=g, dtype=torch.float64), torch.randn(4, 3, generator=g, dtype=torch.float64))
    z, (d_mu, d_logvar) = vjp(reparameterize, (mu, logvar), torch.ones(4, 3, dtype=torch.float64))
    assert tuple(z.shape) == (4, 3) and z.dtype == torch.float64, f'z should have the shape and dtype of mu, (4, 3) float64; got {tuple(z.shape)} {z.dtype}'
    assert float(d_mu.abs().max()) > 0 or float(d_logvar.abs().max()) > 0, 'no gradient reaches mu or logvar: z was drawn in a way autograd cannot differentiate (torch.normal, .sample() and .detach() all cut the graph); draw noise that does not depend on the parameters, then shift and scale it'
    assert torch.allclose(d_mu, torch.ones_like(mu), rtol=0, atol=1e-12), 'dz/dmu is wrong: moving mu should move z by as much'
    assert torch.allclose(d_logvar, (z - mu) / 2, rtol=1e-10, atol=1e-12), 'dz/dmu is right but dz/dlogvar is not: the standard deviation is exp(logvar / 2)'

@test_case(points=None, hidden=False)
def test_reparameterize_distribution_and_generator(reparameterize, env):
    """200,000 draws of three Gaussians: means and variances within 5 standard errors; seeded generators reproduce."""
    import math
    import torch
    from utils.remote import kernel_import
    Generator = kernel_import(env, 'torch', 'Generator')
    n = 200000
    mu = torch.tensor([0.0, 2.0, -1.0], dtype=torch.float64).expand(n, 3).contiguous()
    logvar = torch.tensor([0.0, math.log(4.0), -2.0], dtype=torch.float64).expand(n, 3).contiguous()
    z = reparameterize(mu, logvar, Generator().manual_seed(612))
    var = torch.exp(logvar[0])
    mean_err = (z.mean(0) - mu[0]).abs() / torch.sqrt(var / n)
    var_err = (z.var(0) - var).abs() / (var * math.sqrt(2 / n))
    assert float(mean_err.max()) < 5, 'the mean of many draws is not mu'
    assert float(var_err.max()) < 5, f'the variance of many draws is {[round(v, 3) for v in z.var(0).tolist()]}, expected {[round(v, 3) for v in var.tolist()]}: logvar is the log of the variance, and the standard deviation its square root'
    small = (mu[:5], logvar[:5])
    a = reparameterize(*small, Generator().manual_seed(7))
    b = reparameterize(*small, Generator().manual_seed(7))
    c = reparameterize(*small, Generator().manual_seed(8))
    assert torch.equal(a, b), 'two generators seeded alike should give the same z: draw the noise from `generator`'
    assert not torch.equal(a, c), 'generators seeded differently gave the same z'
    assert not torch.equal(reparameterize(*small), reparameterize(*small)), 'two calls without a generator gave the same z'

