"""TensorFlow (Python) peer of Nash's training benchmark: Keras 3 layers and Adam, each iteration
one tf.function (graph mode, no XLA: as Nash's graph) with GradientTape, NHWC as in Nash.

    python tf_peer.py --model dcgan --warmup 10 --iterations 50 --repeats 3 --threads 2
    python tf_peer.py --matmul --threads 2
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402

common.quiet_native_logs()
os.environ.setdefault("KERAS_BACKEND", "tensorflow")
import keras  # noqa: E402
import tensorflow as tf  # noqa: E402

PEER = "tensorflow"


def set_threads(threads):
    # tf.config.threading (TensorFlow's documented API; the ConfigProto fields Nash sets): must run
    # before the first op creates the runtime.
    tf.config.threading.set_intra_op_parallelism_threads(threads)
    tf.config.threading.set_inter_op_parallelism_threads(threads)


def match_nash_graph_options():
    # Nash turns Grappler's remapper off (it mis-rewrites BiasAdd + LeakyRelu gradients,
    # docs/tensorflow-java.md trap 3); here it fails on the same pattern and logs an error.
    tf.config.optimizer.set_experimental_options({"remapping": False})


class ChannelLayerNorm(keras.layers.Layer):
    """Nash's LayerNorm: moments per sample over (H, W, C), then a per-channel scale and shift
    (keras.layers.LayerNormalization over those axes would have H*W*C of each)."""

    def __init__(self, channels):
        super().__init__()
        self.gamma = self.add_weight(shape=(channels,), initializer="ones", name="gamma")
        self.beta = self.add_weight(shape=(channels,), initializer="zeros", name="beta")

    def call(self, x):
        mean, variance = tf.nn.moments(x, axes=[1, 2, 3], keepdims=True)
        return (x - mean) * tf.math.rsqrt(variance + common.NORM_EPS) * self.gamma + self.beta


class Maxout(keras.layers.Layer):
    def __init__(self, units, pieces, init):
        super().__init__()
        self.pieces = keras.layers.Dense(units * pieces, kernel_initializer=init)
        self.units, self.count = units, pieces

    def call(self, x):
        return tf.reduce_max(tf.reshape(self.pieces(x), [-1, self.units, self.count]), axis=2)


def build(layers, sample, init):
    init = (keras.initializers.RandomNormal(0.0, 0.02, seed=1) if init == "normal-0.02"
            else keras.initializers.GlorotUniform(seed=1))
    out = []
    for layer in layers:
        k = layer.kind
        if k == "dense":
            out.append(keras.layers.Dense(layer.outputs, kernel_initializer=init))
        elif k == "maxout":
            out.append(Maxout(layer.outputs, layer.pieces, init))
        elif k in ("conv", "deconv"):
            cls = keras.layers.Conv2D if k == "conv" else keras.layers.Conv2DTranspose
            out.append(cls(layer.outputs, layer.kernel, layer.stride, padding="same",
                           kernel_initializer=init))
        elif k == "batchnorm":
            out.append(keras.layers.BatchNormalization(momentum=common.BN_MOMENTUM,
                                                       epsilon=common.NORM_EPS))
        elif k == "layernorm":
            out.append(ChannelLayerNorm(layer.inputs))
        elif k == "relu":
            out.append(keras.layers.ReLU())
        elif k == "leaky_relu":
            out.append(keras.layers.LeakyReLU(negative_slope=layer.slope))
        elif k == "tanh":
            out.append(keras.layers.Activation("tanh"))
        elif k == "reshape":
            out.append(keras.layers.Reshape(layer.shape))
        elif k == "flatten":
            out.append(keras.layers.Flatten())
        else:
            raise ValueError(k)
    return keras.Sequential([keras.Input(sample), *out])


def adam(a: common.Adam, variables):
    opt = keras.optimizers.Adam(learning_rate=a.lr, beta_1=a.beta1, beta_2=a.beta2, epsilon=a.eps)
    opt.build(variables)  # its slots exist before tf.function traces apply_gradients
    return opt


def trainer(model: common.Model):
    g = build(model.generator, (model.latent,), model.init)
    d = build(model.discriminator, model.sample, model.init)
    opt_g = adam(model.adam_g, g.trainable_variables)
    opt_d = adam(model.adam_d, d.trainable_variables)
    data = tf.constant(common.real_data(model))
    rng = tf.random.Generator.from_seed(1)
    b = model.batch
    wasserstein = model.loss == "wasserstein"
    per_sample = [b] + [1] * len(model.sample)  # the shape of e, one interpolation per sample

    def d_update(real):
        fake = g(rng.normal([b, model.latent]), training=True)  # no tape: no gradient to G
        with tf.GradientTape() as tape:
            d_real = d(real, training=True)  # two passes: batch norm statistics per pass
            d_fake = d(fake, training=True)
            if wasserstein:
                loss = tf.reduce_mean(d_fake) - tf.reduce_mean(d_real)
            else:
                loss = (tf.reduce_mean(tf.nn.softplus(-d_real))
                        + tf.reduce_mean(tf.nn.softplus(d_fake)))
            if model.gp_weight:
                e = rng.uniform(per_sample)
                x = e * real + (1 - e) * fake
                with tf.GradientTape() as inner:  # nested: the penalty is differentiated
                    inner.watch(x)
                    critic = d(x, training=True)
                grad = inner.gradient(critic, x)  # of sum D(x) w.r.t. x
                norm = tf.sqrt(tf.reduce_sum(tf.square(grad), axis=list(range(1, grad.ndim))))
                loss += model.gp_weight * tf.reduce_mean(tf.square(norm - 1))
        opt_d.apply_gradients(zip(tape.gradient(loss, d.trainable_variables),
                                  d.trainable_variables))
        return loss

    def g_update():
        with tf.GradientTape() as tape:
            out = d(g(rng.normal([b, model.latent]), training=True), training=True)
            loss = -tf.reduce_mean(out) if wasserstein else tf.reduce_mean(tf.nn.softplus(-out))
        opt_g.apply_gradients(zip(tape.gradient(loss, g.trainable_variables),
                                  g.trainable_variables))
        return loss

    @tf.function
    def iteration(start):  # start: a tensor, so one trace serves every batch
        for k in range(model.d_steps):
            d_loss = d_update(data[start + k * b: start + (k + 1) * b])
        return d_loss, g_update()

    starts = common.batch_starts(model)

    def step(fetch):
        d_loss, g_loss = iteration(tf.constant(next(starts), tf.int32))
        return (round(float(d_loss.numpy()), 4), round(float(g_loss.numpy()), 4)) if fetch else None

    return step


def matmul_peak():
    n = common.MATMUL_SIZE
    a, b = tf.fill([n, n], 0.5), tf.fill([n, n], 0.25)
    product = tf.function(lambda: tf.reduce_max(tf.matmul(a, b)))  # a scalar out, as Nash's
    return common.time_matmul(lambda: product().numpy(), n)


def main():
    args = common.parse_args()
    set_threads(args.threads)
    match_nash_graph_options()
    version = f"{tf.__version__} (Keras {keras.__version__})"
    common.run_peer(PEER, version, args, matmul_peak, lambda m: (trainer(m), lambda: None))


if __name__ == "__main__":
    main()
