from otter.test_files import test_case

OK_FORMAT = False

name = "q3"
points = 2
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_softplus_value_and_gradient_at_zero(softplus, env):
    """softplus(0) = log 2 and its slope there is sigma(0) = 1/2."""
    import numpy as np
    from utils.remote import kernel_import, type_names
    Tensor = kernel_import(env, 'utils.autodiff', 'Tensor')
    x = Tensor(np.zeros((2, 3)))
    out = softplus(x)
    assert out is not None, 'softplus returned None: replace the ... with code that returns a Tensor'
    assert 'utils.autodiff.Tensor' in type_names(out), f'softplus should return a utils.autodiff.Tensor, got {type_names(out)[0]}'
    assert out.shape == (2, 3), f'softplus of a (2, 3) tensor should have shape (2, 3), got {out.shape}'
    assert np.allclose(out.data, np.log(2.0)), 'softplus(0) is wrong'
    out.sum().backward()
    assert np.allclose(x.grad, 0.5), 'the gradient of sum(softplus(x)) at x = 0 is wrong: check the local derivative and that the upstream gradient multiplies it'

@test_case(points=None, hidden=False)
def test_softplus_large_inputs_stay_finite(softplus, env):
    """Inputs of size 800, both signs: no overflow in either pass."""
    import numpy as np
    from utils.remote import kernel_import
    Tensor = kernel_import(env, 'utils.autodiff', 'Tensor')
    x = Tensor(np.array([-800.0, -1.0, 1.0, 800.0]))
    with np.errstate(all='ignore'):
        out = softplus(x)
        out.sum().backward()
    value, grad = (np.asarray(out.data, dtype=float), np.asarray(x.grad, dtype=float))
    assert np.all(np.isfinite(value)), 'softplus is not finite for inputs of size 800 (an exp overflowed?)'
    assert np.all(np.isfinite(grad)), 'the gradient of softplus is not finite for inputs of size 800'
    assert np.all(np.diff(value) > 0) and np.all((grad >= 0) & (grad <= 1)), 'softplus should increase with x and its slope should lie in [0, 1]'

