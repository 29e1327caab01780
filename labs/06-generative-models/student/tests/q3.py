from otter.test_files import test_case

OK_FORMAT = False

name = "q3"
points = 3
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_negative_elbo_small_vae(negative_elbo, env):
    """Linear encoder and decoder (4 pixels, k = 2), noise fixed by the test, reference KL: against a direct sum."""
    import torch
    from utils.remote import kernel_import
    Linear = kernel_import(env, 'torch.nn', 'Linear')
    to_params = kernel_import(env, 'torch.nn.utils', 'vector_to_parameters')
    g = torch.Generator().manual_seed(621)
    B, D, k = (3, 4, 2)
    enc_w, dec_w = (torch.randn(D * 2 * k + 2 * k, generator=g, dtype=torch.float64), torch.randn(k * D + D, generator=g, dtype=torch.float64))
    encoder, decoder = (Linear(D, 2 * k).double(), Linear(k, D).double())
    to_params(enc_w, encoder.parameters())
    to_params(dec_w, decoder.parameters())
    x = torch.tensor([[1.0, 0.0, 1.0, 1.0], [0.0, 0.0, 1.0, 0.0], [0.25, 1.0, 0.5, 0.0]], dtype=torch.float64)
    xi = torch.randn(B, k, generator=g, dtype=torch.float64)
    calls = {'sample': 0, 'kl': 0}

    def sample(mu, logvar, generator=None):
        calls['sample'] += 1
        return mu + torch.exp(0.5 * logvar) * xi

    def kl(mu_q, logvar_q, mu_p, logvar_p):
        calls['kl'] += 1
        return 0.5 * (torch.exp(logvar_q - logvar_p) + (mu_q - mu_p) ** 2 * torch.exp(-logvar_p) - 1.0 - logvar_q + logvar_p).sum(-1)
    W_e, b_e = (enc_w[:D * 2 * k].reshape(2 * k, D), enc_w[D * 2 * k:])
    W_d, b_d = (dec_w[:k * D].reshape(D, k), dec_w[k * D:])
    h = x @ W_e.T + b_e
    mu, logvar = (h[:, :k], h[:, k:])
    a = (mu + torch.exp(0.5 * logvar) * xi) @ W_d.T + b_d
    p = torch.sigmoid(a)
    recon = -(x * torch.log(p) + (1 - x) * torch.log(1 - p)).sum(-1)
    div = 0.5 * (torch.exp(logvar) + mu ** 2 - 1.0 - logvar).sum(-1)
    out = negative_elbo(encoder, decoder, x, 1.0, None, kl, sample)
    assert out is not None and tuple(out.shape) == (B,), f'negative_elbo should return one loss per image, shape ({B},); got {(None if out is None else tuple(out.shape))}'
    assert calls == {'sample': 1, 'kl': 1}, f"negative_elbo should call the `sample` and `kl` it is given once each; it called them {calls['sample']} and {calls['kl']} times"
    if torch.allclose(out, recon - div, rtol=1e-10):
        raise AssertionError('the KL term enters the loss with the wrong sign: minus the ELBO adds it')
    if torch.allclose(out, recon / D + div, rtol=1e-10):
        raise AssertionError('the reconstruction term is averaged over pixels: -log p(x | z) sums over them')
    assert torch.allclose(out, recon + div, rtol=1e-10, atol=1e-12), 'the loss differs from -log p(x | z) + KL for some image'
    out2 = negative_elbo(encoder, decoder, x, 2.5, None, kl, sample)
    assert torch.allclose(out2, recon + 2.5 * div, rtol=1e-10, atol=1e-12), 'beta should multiply the KL term, and only it'

