"""PyTorch peer of Nash's training benchmark: eager mode on the CPU, nn.Module + torch.optim.Adam,
in PyTorch's own NCHW layout.

    python torch_peer.py --model dcgan --warmup 10 --iterations 50 --repeats 3 --threads 2
    python torch_peer.py --matmul --threads 2
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402

import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402
from torch import nn  # noqa: E402

PEER = "pytorch"


def set_threads(threads):
    # PyTorch's documented knobs (docs: "CPU threading and TorchScript inference"): the intra-op
    # pool that runs each kernel, and the inter-op pool (unused by eager kernels; set alike).
    torch.set_num_threads(threads)
    torch.set_num_interop_threads(threads)


class ChannelLayerNorm(nn.Module):
    """Nash's LayerNorm: moments per sample over (C, H, W), then a per-channel scale and shift
    (nn.LayerNorm's affine part would be per element, C*H*W parameters)."""

    def __init__(self, channels):
        super().__init__()
        self.gamma = nn.Parameter(torch.ones(channels))
        self.beta = nn.Parameter(torch.zeros(channels))

    def forward(self, x):
        x = F.layer_norm(x, x.shape[1:], eps=common.NORM_EPS)
        return x * self.gamma[:, None, None] + self.beta[:, None, None]


class Maxout(nn.Module):
    def __init__(self, inputs, units, pieces):
        super().__init__()
        self.linear = nn.Linear(inputs, units * pieces)
        self.units, self.pieces = units, pieces

    def forward(self, x):
        return self.linear(x).view(-1, self.units, self.pieces).amax(dim=-1)


def build(layers):
    """nn.Sequential from common's layer list. SAME padding of a 5x5 stride-2 (transposed)
    convolution is padding 2 (and output_padding 1), symmetric where TensorFlow pads 1 and 2."""
    modules = []
    for layer in layers:
        k = layer.kind
        if k == "dense":
            modules.append(nn.Linear(layer.inputs, layer.outputs))
        elif k == "maxout":
            modules.append(Maxout(layer.inputs, layer.outputs, layer.pieces))
        elif k == "conv":
            modules.append(nn.Conv2d(layer.inputs, layer.outputs, layer.kernel, layer.stride,
                                     padding=layer.kernel // 2))
        elif k == "deconv":
            modules.append(nn.ConvTranspose2d(layer.inputs, layer.outputs, layer.kernel,
                                              layer.stride, padding=layer.kernel // 2,
                                              output_padding=layer.stride - 1))
        elif k == "batchnorm":
            modules.append(nn.BatchNorm2d(layer.inputs, eps=common.NORM_EPS,
                                          momentum=1 - common.BN_MOMENTUM))
        elif k == "layernorm":
            modules.append(ChannelLayerNorm(layer.inputs))
        elif k == "relu":
            modules.append(nn.ReLU())
        elif k == "leaky_relu":
            modules.append(nn.LeakyReLU(layer.slope))
        elif k == "tanh":
            modules.append(nn.Tanh())
        elif k == "reshape":
            h, w, c = layer.shape
            modules.append(nn.Unflatten(1, (c, h, w)))
        elif k == "flatten":
            modules.append(nn.Flatten())
        else:
            raise ValueError(k)
    return nn.Sequential(*modules)


def initialise(net, init):
    for m in net.modules():
        if isinstance(m, (nn.Linear, nn.Conv2d, nn.ConvTranspose2d)):
            if init == "normal-0.02":
                nn.init.normal_(m.weight, 0.0, 0.02)
            else:
                nn.init.xavier_uniform_(m.weight)
            nn.init.zeros_(m.bias)
    return net


def adam(params, a: common.Adam):
    return torch.optim.Adam(params, lr=a.lr, betas=(a.beta1, a.beta2), eps=a.eps)


def trainer(model: common.Model):
    """The step function of common.time_training: d_steps D updates, then one G update."""
    torch.manual_seed(1)
    g = initialise(build(model.generator), model.init).train()
    d = initialise(build(model.discriminator), model.init).train()
    opt_g, opt_d = adam(g.parameters(), model.adam_g), adam(d.parameters(), model.adam_d)
    data = torch.from_numpy(common.real_data(model))
    if data.dim() == 4:
        data = data.permute(0, 3, 1, 2).contiguous()  # NHWC -> NCHW
    starts = common.batch_starts(model)
    b = model.batch
    wasserstein = model.loss == "wasserstein"

    def latent():
        return torch.randn(b, model.latent)

    def d_update(real):
        with torch.no_grad():  # G in training mode (batch statistics), no gradient to G
            fake = g(latent())
        d_real, d_fake = d(real), d(fake)  # two passes: batch norm statistics per pass
        if wasserstein:
            loss = d_fake.mean() - d_real.mean()
        else:
            loss = F.softplus(-d_real).mean() + F.softplus(d_fake).mean()
        if model.gp_weight:
            e = torch.rand(b, 1, 1, 1)
            x = (e * real + (1 - e) * fake).requires_grad_(True)
            (grad,) = torch.autograd.grad(d(x).sum(), x, create_graph=True)
            loss = loss + model.gp_weight * ((grad.flatten(1).norm(dim=1) - 1) ** 2).mean()
        opt_d.zero_grad(set_to_none=True)
        loss.backward()
        opt_d.step()
        return loss

    def g_update():
        d.requires_grad_(False)  # gradients flow through D to G, but D's own are not computed
        out = d(g(latent()))
        loss = -out.mean() if wasserstein else F.softplus(-out).mean()
        opt_g.zero_grad(set_to_none=True)
        loss.backward()
        opt_g.step()
        d.requires_grad_(True)
        return loss

    def step(fetch):
        start = next(starts)
        for k in range(model.d_steps):
            d_loss = d_update(data[start + k * b: start + (k + 1) * b])
        g_loss = g_update()
        return (round(d_loss.item(), 4), round(g_loss.item(), 4)) if fetch else None

    return step


def matmul_peak():
    n = common.MATMUL_SIZE
    a, b = torch.full((n, n), 0.5), torch.full((n, n), 0.25)
    c = torch.empty(n, n)
    with torch.inference_mode():
        return common.time_matmul(lambda: torch.mm(a, b, out=c), n)  # eager CPU: synchronous


def main():
    args = common.parse_args()
    set_threads(args.threads)
    version = torch.__version__
    common.run_peer(PEER, version, args, matmul_peak, lambda m: (trainer(m), lambda: None))


if __name__ == "__main__":
    main()
