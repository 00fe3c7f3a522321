"""An iris classifier demo in Streamlit: sliders in, the model's answer out.

Where Streamlit is installed (pip install streamlit):

    streamlit run app.py

and open http://localhost:8501. Streamlit runs this file from the top to the
bottom to draw the page, and again, from the top, after every interaction.
"""
import pandas as pd
import streamlit as st

import app_logic

st.title("Iris classifier")
st.write("Describe a flower with the sliders; the model names its species.")


@st.cache_data
def flowers(path):
    # the first run calls load_flowers; every later run gets the stored result
    return app_logic.load_flowers(path)


rows = flowers("flowers.csv")

with st.sidebar:
    st.header("Measurements (cm)")
    sepal_length = st.slider("sepal length", 4.0, 8.0, 5.8, step=0.1)
    sepal_width = st.slider("sepal width", 2.0, 4.5, 3.0, step=0.1)
    petal_length = st.slider("petal length", 1.0, 7.0, 3.8, step=0.1)
    petal_width = st.slider("petal width", 0.1, 2.5, 1.2, step=0.1)

features = [sepal_length, sepal_width, petal_length, petal_width]
probabilities = app_logic.predict(features)

left, right = st.columns(2)
left.metric("species", app_logic.label(probabilities))
right.bar_chart(pd.DataFrame({"probability": probabilities}, index=app_logic.CLASSES))

# session state outlives the reruns: a plain list here would be empty again after every click
if "history" not in st.session_state:
    st.session_state.history = []

if st.button("Save this flower"):
    st.session_state.history.append(features + [app_logic.label(probabilities)])

st.subheader("Saved flowers")
st.dataframe(pd.DataFrame(st.session_state.history, columns=app_logic.MODEL["features"] + ["species"]))

if st.checkbox("Show the training data"):
    species = st.selectbox("species", ["all"] + app_logic.CLASSES)
    shown = [(x, y) for x, y in rows if species in ("all", y)]
    st.dataframe(pd.DataFrame([x + [y] for x, y in shown], columns=app_logic.MODEL["features"] + ["species"]))
    st.write("the model names %.1f %% of these right" % (100 * app_logic.accuracy(shown)))
