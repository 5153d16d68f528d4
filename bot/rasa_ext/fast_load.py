"""Loads the intent model in seconds rather than half a minute, so a restarted server is back soon.

Rasa builds a trained model's weights by training it for one step on one
example before loading the saved weights over them. It compiles that step
into a TensorFlow graph first, which on two busy cores takes 20 s or more,
for a step whose result is thrown away. Run eagerly, the step builds the same
weights in a moment; prediction is still compiled (and warmed up) as before,
so answers and their speed are unchanged. This matters most when
`safetyplan run` restarts a crashed Rasa server: the web chat is down until
the model is loaded.
"""

from __future__ import annotations

from typing import Any

import tensorflow as tf
from rasa.utils.tensorflow.constants import LEARNING_RATE, RUN_EAGERLY
from rasa.utils.tensorflow.data_generator import RasaBatchDataGenerator
from rasa.utils.tensorflow.model_data import RasaModelData
from rasa.utils.tensorflow.models import RasaModel

_installed = False


def _load(
    cls: type[RasaModel],
    model_file_name: str,
    model_data_example: RasaModelData,
    predict_data_example: RasaModelData | None = None,
    finetune_mode: bool = False,
    *args: Any,
    **kwargs: Any,
) -> RasaModel:
    # Rasa's RasaModel.load (3.6.21), but the weight-building step runs eagerly.
    model = cls(*args, **kwargs)
    config = kwargs.get("config", {})
    learning_rate = config.get(LEARNING_RATE, 0.001)
    run_eagerly = config.get(RUN_EAGERLY)
    model.compile(optimizer=tf.keras.optimizers.Adam(learning_rate), run_eagerly=True)
    model.fit(RasaBatchDataGenerator(model_data_example, batch_size=1), verbose=False)
    # Back to what the model was trained with: prediction runs as a compiled graph.
    model.run_eagerly = run_eagerly
    model.load_weights(model_file_name)
    if not finetune_mode and predict_data_example:
        model.run_inference(predict_data_example)
    return model


def install() -> None:
    global _installed
    if not _installed:
        RasaModel.load = classmethod(_load)
        _installed = True
