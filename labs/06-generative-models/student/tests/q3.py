from otter.test_files import test_case

OK_FORMAT = False

name = "q3"
points = 3
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_negative_elbo_small_vae(negative_elbo, env):
    """Linear encoder and decoder (4 pixels, k = 2), stand-ins for `sample` and `kl` that record their arguments and
    return values fixed by the test: the wiring, the sum, and beta."""
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
    z_fixed = torch.randn(B, k, generator=g, dtype=torch.float64)
    div = torch.tensor([0.75, 1.875, 0.3125], dtype=torch.float64)
    calls = {'sample': [], 'kl': []}

    def sample(mu, logvar, generator=None):
        calls['sample'].append((torch.as_tensor(mu).detach().clone(), torch.as_tensor(logvar).detach().clone()))
        return z_fixed.clone()

    def kl(mu_q, logvar_q, mu_p, logvar_p):
        calls['kl'].append([torch.as_tensor(v).detach().clone() for v in (mu_q, logvar_q, mu_p, logvar_p)])
        return div.clone()
    W_e, b_e = (enc_w[:D * 2 * k].reshape(2 * k, D), enc_w[D * 2 * k:])
    W_d, b_d = (dec_w[:k * D].reshape(D, k), dec_w[k * D:])
    h = x @ W_e.T + b_e
    mu, logvar = (h[:, :k], h[:, k:])
    p = torch.sigmoid(z_fixed @ W_d.T + b_d)
    recon = -(x * torch.log(p) + (1 - x) * torch.log(1 - p)).sum(-1)
    out = negative_elbo(encoder, decoder, x, 1.0, None, kl, sample)
    assert out is not None and tuple(out.shape) == (B,), f'negative_elbo should return one loss per image, shape ({B},); got {(None if out is None else tuple(out.shape))}'
    n_sample, n_kl = (len(calls['sample']), len(calls['kl']))
    assert (n_sample, n_kl) == (1, 1), f'negative_elbo should call the `sample` and `kl` it is given once each; it called them {n_sample} and {n_kl} times'
    s_mu, s_logvar = calls['sample'][0]
    assert tuple(s_mu.shape) == (B, k) and torch.allclose(s_mu, mu, rtol=1e-10, atol=1e-12) and torch.allclose(s_logvar, logvar, rtol=1e-10, atol=1e-12), "`sample` should be given mu (the first k columns of the encoder's output) and logvar (the last k columns)"
    k_mu, k_logvar, k_mu_p, k_logvar_p = calls['kl'][0]
    assert torch.allclose(k_mu, mu, rtol=1e-10, atol=1e-12) and torch.allclose(k_logvar, logvar, rtol=1e-10, atol=1e-12), "`kl` should be given the encoder's mu and logvar as its first two arguments, q"
    prior = [v.dim() <= 2 and all((s in (1, n) for s, n in zip(reversed(v.shape), (k, B)))) and (float(v.abs().max()) == 0) for v in (k_mu_p, k_logvar_p)]
    assert all(prior), "`kl`'s last two arguments describe the prior N(0, I): zero means and zero log-variances"
    if torch.allclose(out, recon - div, rtol=1e-10):
        raise AssertionError('the KL term enters the loss with the wrong sign: minus the ELBO adds it')
    if torch.allclose(out, recon / D + div, rtol=1e-10):
        raise AssertionError('the reconstruction term is averaged over pixels: -log p(x | z) sums over them')
    assert torch.allclose(out, recon + div, rtol=1e-10, atol=1e-12), 'the loss differs from -log p(x | z) + KL for some image, with z the codes `sample` returned and KL the values `kl` returned'
    out2 = negative_elbo(encoder, decoder, x, 2.5, None, kl, sample)
    assert torch.allclose(out2, recon + 2.5 * div, rtol=1e-10, atol=1e-12), 'beta should multiply the KL term, and only it'

